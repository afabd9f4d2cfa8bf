'use client';
import { memo } from 'react';
import { PanelFilterNote } from '@/components/shell/panel-filter-note';
import { PanelViewButton } from '@/components/shell/panel-view';
import { useClock } from '@/lib/client/clock';
import { useTimeZone } from '@/lib/client/use-timezone';
import { formatAge, formatClockIn } from '@/lib/format';
import type { TimeZone } from '@/lib/time-axis/zone';
import type { PanelKind, PanelProps } from './panel-kind';
import { usePanelScope } from './panel-scope';
import { panelKind } from './registry';

/** Which way a written change goes, for an arrow beside it ("+7.3 pts" is up, "−10 %" down). */
function trendOf(change: string): 'up' | 'down' | 'flat' {
  if (change.startsWith('+')) return 'up';
  if (change.startsWith('−') || change.startsWith('-')) return 'down';
  return 'flat';
}

function ageText(newest: number | undefined, now: number, stale: boolean, zone: TimeZone): string {
  if (newest === undefined) return 'no data yet';
  if (stale) return `no data since ${formatClockIn(newest, zone)}`;
  return formatAge(now - newest);
}

/** The age alone follows the clock, so its tick re-renders this text and not the chart. */
function PanelAge({ newest, stale }: { newest: number | undefined; stale: boolean }) {
  const now = useClock(usePanelScope().now);
  const zone = useTimeZone();
  return <>{ageText(newest, now, stale, zone)}</>;
}

/**
 * Any panel: the frame every kind shares, around what its kind shapes and draws. Memoised, so a
 * panel whose feed did not change (same object) is skipped when another panel updates.
 */
export const PanelCard = memo(function PanelCard({ panel, feed, widthRef }: CardProps) {
  return (
    <PanelFrame
      key={panel.display}
      kind={panelKind(panel.display)}
      panel={panel}
      feed={feed}
      widthRef={widthRef}
    />
  );
});

interface CardProps extends PanelProps {
  /** Given the panel's element, to follow the width its chart is drawn across. */
  widthRef?: (element: HTMLElement | null) => void;
}

function PanelFrame<View>({ kind, panel, feed, widthRef }: CardProps & { kind: PanelKind<View> }) {
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
      data-panel-id={panel.id}
      ref={widthRef}
    >
      <header className="panel-header">
        <h2 id={`panel-title-${panel.id}`} title={panel.description}>
          {panel.title}
        </h2>
        <span className="panel-age" data-testid={`panel.${panel.id}.age`}>
          <PanelAge newest={feed.newestSampleAt} stale={stale} />
        </span>
        <PanelFilterNote panelId={panel.id} state={data?.filter} />
        <PanelViewButton panelId={panel.id} title={panel.title} />
      </header>
      <div className="panel-headline">
        <span className="panel-value" data-testid={`panel.${panel.id}.value`}>
          {headline.value}
        </span>
        {headline.context !== undefined && (
          <span className="panel-value-context">{headline.context}</span>
        )}
        {headline.change && (
          <span
            className="panel-change"
            title="change across the range shown"
            data-trend={trendOf(headline.change)}
          >
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
