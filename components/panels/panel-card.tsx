'use client';
import { formatAge, formatClock } from '@/lib/format';
import type { PanelKind, PanelProps } from './panel-kind';
import { usePanelScope } from './panel-scope';
import { panelKind } from './registry';

function ageText(newest: number | undefined, now: number, stale: boolean): string {
  if (newest === undefined) return 'no data yet';
  if (stale) return `no data since ${formatClock(newest)} UTC`;
  return formatAge(now - newest);
}

/** Any panel: the frame every kind shares, around what its kind shapes and draws. */
export function PanelCard({ panel, feed }: PanelProps) {
  return (
    <PanelFrame key={panel.display} kind={panelKind(panel.display)} panel={panel} feed={feed} />
  );
}

function PanelFrame<View>({ kind, panel, feed }: PanelProps & { kind: PanelKind<View> }) {
  const { now } = usePanelScope();
  const view = kind.useView(panel, feed);
  const headline = kind.headline(view, panel, feed);
  const { data, stale } = feed;
  const level = stale ? 'stale' : headline.level;
  return (
    <section
      className={`panel panel-${level} panel-display-${panel.display}`}
      aria-labelledby={`panel-title-${panel.id}`}
      data-testid={`panel.${panel.id}`}
      data-stale={stale}
    >
      <header className="panel-header">
        <h2 id={`panel-title-${panel.id}`} title={panel.description}>
          {panel.title}
        </h2>
        <span className="panel-age" data-testid={`panel.${panel.id}.age`}>
          {ageText(feed.newestSampleAt, now, stale)}
        </span>
      </header>
      <div className="panel-headline">
        <span className="panel-value" data-testid={`panel.${panel.id}.value`}>
          {headline.value}
        </span>
        {headline.context !== undefined && (
          <span className="panel-value-context">{headline.context}</span>
        )}
        {headline.change && (
          <span className="panel-change" title="change across the range shown">
            {headline.change}
          </span>
        )}
      </div>
      {feed.loadFailed && !data && (
        <p className="panel-empty">Could not load this panel; retrying.</p>
      )}
      {data && data.series.length > 0 && (
        <kind.Component panel={panel} feed={{ ...feed, data }} view={view} />
      )}
      {data && data.series.length === 0 && <p className="panel-empty">No samples in this range.</p>}
    </section>
  );
}
