import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { Annotation, AnnotationCreate } from '../lib/protocol';
import { expect, test } from './support/fixtures';

const MINUTE = 60_000;

/** Titles carry a per-test mark, since the aggregator and its annotations outlive one test. */
const mark = () => Math.random().toString(36).slice(2, 8);

async function createAnnotation(
  request: APIRequestContext,
  input: AnnotationCreate,
): Promise<Annotation> {
  const response = await request.post('/api/annotations', { data: input });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Annotation;
}

class IncidentsPage {
  constructor(readonly page: Page) {}

  rows(marker: string): Locator {
    return this.page.getByRole('row').filter({ hasText: marker });
  }

  filter(group: 'Kind' | 'Status' | 'Severity', value: string): Locator {
    return this.page.getByRole('group', { name: group }).getByRole('button', { name: value });
  }

  get status(): Locator {
    return this.page.getByTestId('incident.status');
  }

  get timeline(): Locator {
    return this.page.getByTestId('incident.timeline').getByRole('listitem');
  }
}

test.describe('the incidents list', () => {
  test('lists incidents newest first and narrows them by severity and status', async ({ page }) => {
    const m = mark();
    const now = Date.now();
    const incident = (title: string, rest: Partial<AnnotationCreate>) =>
      createAnnotation(page.request, {
        kind: 'incident',
        severity: 'SEV1',
        title: `${title} ${m}`,
        start: now - 20 * MINUTE,
        end: null,
        ...rest,
      });
    await incident('Image queue overload', {});
    await incident('Checkout errors', {
      severity: 'SEV2',
      status: 'resolved',
      start: now - 40 * MINUTE,
      end: now - 35 * MINUTE,
    });
    await incident('GPU node lost', {
      status: 'mitigated',
      start: now - 60 * MINUTE,
      end: now - 30 * MINUTE,
    });
    await createAnnotation(page.request, { kind: 'change', title: `Deploy api ${m}`, start: now });

    const incidents = new IncidentsPage(page);
    await page.goto('/incidents');
    const rows = incidents.rows(m);
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Image queue overload');
    await expect(rows.nth(0)).toContainText('ongoing');
    await expect(rows.nth(1)).toContainText('Checkout errors');
    await expect(rows.nth(1)).toContainText('5 min');
    await expect(rows.nth(2)).toContainText('GPU node lost');

    await incidents.filter('Severity', 'SEV1').click();
    await expect(page).toHaveURL(/\/incidents\?severity=SEV1$/);
    await expect(rows).toHaveCount(2);
    await incidents.filter('Status', 'open').click();
    await expect(page).toHaveURL(/\/incidents\?status=open&severity=SEV1$/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Image queue overload');

    await page.goto('/incidents?kind=incident&status=open,mitigated&severity=SEV1');
    await expect(incidents.filter('Status', 'mitigated')).toHaveAttribute('aria-pressed', 'true');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('GPU node lost');

    await page.goto('/incidents?kind=change');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Deploy api');
  });

  test('adds a row pushed while the list is open, and says when nothing matches', async ({
    page,
  }) => {
    const m = mark();
    await page.goto('/incidents?severity=SEV4&status=mitigated');
    await expect(page.getByTestId('incidents.empty')).toHaveText(/Nothing matches these filters/);
    await createAnnotation(page.request, {
      kind: 'incident',
      severity: 'SEV4',
      status: 'mitigated',
      title: `Slow thumbnails ${m}`,
      start: Date.now() - 5 * MINUTE,
      end: null,
    });
    await expect(new IncidentsPage(page).rows(m)).toHaveCount(1);
  });
});

test.describe('the incident page', () => {
  test('walks an incident from open through mitigated to resolved', async ({ page }) => {
    const m = mark();
    const created = await createAnnotation(page.request, {
      kind: 'incident',
      severity: 'SEV1',
      title: `Image queue overload ${m}`,
      description: 'Queue depth climbing.\nSecond line <b>not bold</b> https://example.com',
      start: Date.now() - 20 * MINUTE,
      end: null,
      panels: ['queue-depth'],
      tags: ['gpu'],
    });
    const incident = new IncidentsPage(page);
    await page.goto('/incidents');
    await incident.rows(m).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/incidents/${created.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(created.title);
    await expect(incident.status).toHaveText('open');
    const description = page.getByTestId('incident.description');
    await expect(description).toHaveText(/Queue depth climbing\.\nSecond line <b>not bold<\/b>/);
    await expect(description.locator('b, a')).toHaveCount(0);

    await page.getByRole('button', { name: 'Mark mitigated' }).click();
    await expect(incident.status).toHaveText('mitigated');
    await expect(incident.timeline.last()).toContainText('status open → mitigated');

    await page.getByLabel('Add update').fill('Scaled image workers to 40');
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect(incident.timeline.last()).toContainText('Scaled image workers to 40');
    await expect(page.getByLabel('Add update')).toHaveValue('');

    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(incident.status).toHaveText('resolved');
    await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'End now' })).toHaveCount(0);
    await expect(page.getByTestId('incident.duration')).toHaveText(/^lasted 2\d min$/);
    await expect(incident.timeline).toHaveText([
      /created incident/,
      /status open → mitigated/,
      /Scaled image workers to 40/,
      /status mitigated → resolved/,
      /ended at/,
    ]);

    for (const id of ['queue-depth', 'gpu-util', 'gpu-util-by-cluster']) {
      await expect(
        page.getByTestId(`panel.${id}`).locator('path.series-line').first(),
      ).toBeVisible();
    }
    await expect(page.getByTestId('panel.signups')).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: 'Open this window on the dashboard' }),
    ).toHaveAttribute('href', /^\/\?from=\d{13}&to=\d{13}$/);
  });

  test('zooming into a drag across one of its charts opens that range on the dashboard', async ({
    page,
    dashboard,
  }) => {
    const created = await createAnnotation(page.request, {
      kind: 'incident',
      severity: 'SEV3',
      title: `Queue wobble ${mark()}`,
      start: Date.now() - 10 * MINUTE,
      end: Date.now() - 5 * MINUTE,
      panels: ['queue-depth'],
    });
    await page.goto(`/incidents/${created.id}`);
    await expect(dashboard.line('queue-depth').first()).toBeVisible();
    const zoomIn = page
      .getByRole('toolbar', { name: 'Selected range' })
      .getByRole('button', { name: 'Zoom in' });
    // The history starts 15 min back, so the drag stays on the window's recent, drawn end; an
    // editor's drag leaves a selection to zoom into, and one made before hydration does nothing.
    await expect(async () => {
      await dashboard.dragAcross('queue-depth', 0.75, 0.95);
      await expect(zoomIn).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await zoomIn.click();
    await expect(page).toHaveURL(/\/\?from=\d{13}&to=\d{13}$/);
    await expect(dashboard.value('gpu-util')).toHaveText(/^[0-9]/);
  });

  test('an unknown id shows a friendly not-found page', async ({ page }) => {
    const response = await page.goto('/incidents/no-such-incident');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'No such incident' })).toBeVisible();
    await page.getByRole('link', { name: 'See all incidents' }).click();
    await expect(page).toHaveURL(/\/incidents$/);
  });
});
