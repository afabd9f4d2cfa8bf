import { expect, type Locator, type Page } from '@playwright/test';

/** Layout facts read from the live page, each as a list of offenders so a failure names them. */

interface Offender {
  what: string;
  detail: string;
}

/** The page scrolls sideways neither as a whole nor because of one element sticking out. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const offenders = await page.evaluate((): Offender[] => {
    const root = document.documentElement;
    const found: Offender[] = [];
    if (root.scrollWidth > root.clientWidth) {
      found.push({
        what: 'document',
        detail: `scrollWidth ${root.scrollWidth} > ${root.clientWidth}`,
      });
    }
    const viewport = root.clientWidth;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right <= viewport + 1 && rect.left >= -1) continue;
      if (isClippedByScrollingAncestor(element)) continue;
      found.push({
        what: describe(element),
        detail: `spans ${rect.left}..${rect.right} of ${viewport}`,
      });
      if (found.length >= 10) break;
    }
    return found;

    // An element inside its own scroller (a chip row, a wide table) scrolls there, not the page.
    function isClippedByScrollingAncestor(element: Element): boolean {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (parent === document.body || parent === root) return false;
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX !== 'visible') return true;
      }
      return false;
    }
    function describe(element: Element): string {
      const testId = element.closest('[data-testid]')?.getAttribute('data-testid');
      const className = typeof element.className === 'string' ? element.className : '';
      return `${element.tagName.toLowerCase()}.${className.split(' ')[0] ?? ''} in ${testId ?? 'page'}`;
    }
  });
  expect(offenders, 'elements that make the page scroll sideways').toEqual([]);
}

/** The page fits its viewport's height: a wallboard never scrolls. */
export async function expectNoVerticalOverflow(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    clientHeight: document.documentElement.clientHeight,
  }));
  expect(sizes.scrollHeight, 'document height against the viewport').toBeLessThanOrEqual(
    sizes.clientHeight,
  );
}

/** Each element matching `selector` in `container` lies wholly inside the container's box. */
export async function expectWithinBox(container: Locator, selector: string): Promise<void> {
  const found = await container.evaluate((root, wanted) => {
    const box = root.getBoundingClientRect();
    const elements = Array.from(root.querySelectorAll(wanted));
    // A half-pixel tolerance: sub-pixel layout may round an edge either way.
    const outside = elements.flatMap((element) => {
      const rect = element.getBoundingClientRect();
      const inside =
        rect.left >= box.left - 0.5 &&
        rect.top >= box.top - 0.5 &&
        rect.right <= box.right + 0.5 &&
        rect.bottom <= box.bottom + 0.5;
      if (inside) return [];
      const name = element.getAttribute('data-testid') ?? element.tagName.toLowerCase();
      return [
        `${name} at ${Math.round(rect.left)},${Math.round(rect.top)}..` +
          `${Math.round(rect.right)},${Math.round(rect.bottom)} (box ` +
          `${Math.round(box.left)},${Math.round(box.top)}..${Math.round(box.right)},${Math.round(box.bottom)})`,
      ];
    });
    return { count: elements.length, outside };
  }, selector);
  expect(found.count, `elements matching ${selector}`).toBeGreaterThan(0);
  expect(found.outside, `${selector} outside its container's box`).toEqual([]);
}

/** Every visible piece of text, HTML or SVG, is drawn at `px` or larger. */
export async function expectMinTextSize(page: Page, px: number): Promise<void> {
  const offenders = await page.evaluate((minimum): Offender[] => {
    const found: Offender[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || !isVisible(parent)) continue;
      const size = renderedFontSize(parent);
      if (size + 0.01 < minimum) {
        found.push({
          what: text.slice(0, 40),
          detail: `${size.toFixed(1)}px in ${parent.tagName}`,
        });
      }
      if (found.length >= 10) break;
    }
    return found;

    function isVisible(element: Element): boolean {
      if (element.closest('[hidden], script, style, noscript, title')) return false;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
        return false;
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0;
    }
    // Computed sizes leave out CSS zoom; SVG text also scales with its viewBox, and its screen
    // matrix holds both.
    function renderedFontSize(element: Element): number {
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGGraphicsElement) {
        const matrix = element.getScreenCTM();
        if (matrix) return size * Math.sqrt(Math.abs(matrix.a * matrix.d - matrix.b * matrix.c));
      }
      return size * (element.currentCSSZoom ?? 1);
    }
  }, px);
  expect(offenders, `text drawn under ${px}px`).toEqual([]);
}

/**
 * Visible elements matching `selector` don't overlap one another within the same `groupSelector`
 * ancestor (each chart's ticks are compared with that chart's, not with the next chart's).
 */
export async function expectNoOverlappingLabels(
  page: Page,
  selector: string,
  groupSelector = 'body',
): Promise<void> {
  const offenders = await page.evaluate(
    ({ selector, groupSelector }): Offender[] => {
      const found: Offender[] = [];
      for (const group of Array.from(document.querySelectorAll(groupSelector))) {
        const boxes = Array.from(group.querySelectorAll(selector))
          .map((element) => ({ element, rect: element.getBoundingClientRect() }))
          .filter(({ element, rect }) => {
            const style = getComputedStyle(element);
            return (
              rect.width > 0 &&
              rect.height > 0 &&
              style.visibility !== 'hidden' &&
              style.display !== 'none'
            );
          });
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (!a || !b || !intersects(a.rect, b.rect)) continue;
            if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
            found.push({
              what: `"${a.element.textContent?.trim().slice(0, 30)}" × "${b.element.textContent?.trim().slice(0, 30)}"`,
              detail: group.getAttribute('data-testid') ?? group.tagName,
            });
          }
        }
      }
      return found.slice(0, 10);

      // A one-pixel tolerance: glyph boxes of neighbours touching edge to edge are not an overlap.
      function intersects(a: DOMRect, b: DOMRect): boolean {
        return (
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        );
      }
    },
    { selector, groupSelector },
  );
  expect(offenders, `overlapping ${selector}`).toEqual([]);
}

/** Every `selector` inside each `groupSelector` lies within that group's left and right edges. */
export async function expectLabelsInside(
  page: Page,
  selector: string,
  groupSelector: string,
): Promise<void> {
  const offenders = await page.evaluate(
    ({ selector, groupSelector }): Offender[] =>
      Array.from(document.querySelectorAll(groupSelector)).flatMap((group) => {
        const box = group.getBoundingClientRect();
        return Array.from(group.querySelectorAll(selector))
          .filter((label) => {
            const rect = label.getBoundingClientRect();
            return rect.width > 0 && (rect.left < box.left - 1 || rect.right > box.right + 1);
          })
          .map((label) => ({
            what: `"${label.textContent?.trim().slice(0, 30)}"`,
            detail: group.getAttribute('data-testid') ?? group.tagName,
          }));
      }),
    { selector, groupSelector },
  );
  expect(offenders, `${selector} cut off at an edge`).toEqual([]);
}

/** Every visible HTML text reaches `ratio` (WCAG contrast) against the backgrounds under it. */
export async function expectTextContrast(page: Page, ratio: number): Promise<void> {
  const offenders = await page.evaluate((minimum): Offender[] => {
    const found: Offender[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent instanceof SVGElement || !shown(parent)) continue;
      const style = getComputedStyle(parent);
      const background = backgroundUnder(parent);
      if (!background) continue;
      const color = over(parseColor(style.color), background);
      const contrast = contrastOf(color, background);
      if (contrast + 0.01 < minimum) {
        found.push({
          what: text.slice(0, 40),
          detail: `${contrast.toFixed(2)}:1 (${style.color})`,
        });
      }
      if (found.length >= 10) break;
    }
    return found;

    type Rgba = [number, number, number, number];
    // Dimmed on purpose (a stale panel, a disabled control) or hidden: not held to the ratio.
    function shown(element: Element): boolean {
      if (element.closest('[hidden], [disabled], script, style, noscript, title')) return false;
      for (let at: Element | null = element; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (Number(style.opacity) < 1 || style.visibility === 'hidden') return false;
      }
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0;
    }
    function parseColor(text: string): Rgba {
      const parts = text.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    }
    // Backgrounds composed from the page up to this element; undefined under an image.
    function backgroundUnder(element: Element): Rgba | undefined {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.backgroundImage !== 'none') return undefined;
        const layer = parseColor(style.backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((under, layer) => over(layer, under), [255, 255, 255, 1]);
    }
    function over(top: Rgba, under: Rgba): Rgba {
      const a = top[3];
      return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (under[i] ?? 0) * (1 - a)).concat(1) as Rgba;
    }
    function luminance([r, g, b]: Rgba): number {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    }
    function contrastOf(a: Rgba, b: Rgba): number {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
    }
  }, ratio);
  expect(offenders, `text under ${ratio}:1 contrast`).toEqual([]);
}
