'use client';
import { useState } from 'react';
import {
  AnnotationDialog,
  type AnnotationDialogRequest,
} from '@/components/annotations/annotation-dialog';
import { scopeOptions } from '@/lib/annotations/scope';
import { formatAge, formatChange, formatClock, formatValue } from '@/lib/format';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import { firstValue, latestValue } from '@/lib/series/panel-data';
import { SeriesLegend } from './series-legend';
import { TimeSeriesChart } from './time-series-chart';

interface Props {
  panel: Panel;
  data: PanelData | undefined;
  from: number;
  to: number;
  now: number;
  newestSampleAt: number | undefined;
  /** Each series' value now, when the chart's own last points are bucket envelopes. */
  current: PanelData['series'] | undefined;
  /** Change across the range is only honest when the points are samples, not envelopes. */
  showChange: boolean;
  stale: boolean;
  loadFailed: boolean;
  onZoom: (from: number, to: number) => void;
  /** Drawn on the chart; the caller picks those that apply to this panel and its range. */
  annotations?: readonly Annotation[];
  /** Lets a drag annotate the range it selects, and the annotations shown be edited. */
  canAnnotate?: boolean;
}

/** Multi-series panels headline their largest series, which is the one an on-call eye looks for. */
function headlineSeries(candidates: PanelData['series'] | undefined) {
  if (!candidates) return undefined;
  let best: PanelData['series'][number] | undefined;
  for (const series of candidates) {
    const value = latestValue(series) ?? -Infinity;
    if (!best || value > (latestValue(best) ?? -Infinity)) best = series;
  }
  return best;
}

function ageText(newest: number | undefined, now: number, stale: boolean): string {
  if (newest === undefined) return 'no data yet';
  if (stale) return `no data since ${formatClock(newest)} UTC`;
  return formatAge(now - newest);
}

export function PanelCard(props: Props) {
  const { panel, data, from, to, now, newestSampleAt, stale } = props;
  const headline = headlineSeries(props.current ?? data?.series);
  const value = headline && latestValue(headline);
  const first = headline && props.showChange ? firstValue(headline) : undefined;
  const change =
    value !== undefined && first !== undefined ? formatChange(first, value, panel.unit) : undefined;
  const level = stale ? 'stale' : severity(panel, value);
  const [dialog, setDialog] = useState<AnnotationDialogRequest>();
  const annotate = props.canAnnotate
    ? (start: number, end: number) => setDialog({ type: 'create', start, end })
    : undefined;
  const edit = props.canAnnotate
    ? (annotation: Annotation) => setDialog({ type: 'edit', annotation })
    : undefined;
  return (
    <section
      className={`panel panel-${level}`}
      aria-labelledby={`panel-title-${panel.id}`}
      data-testid={`panel.${panel.id}`}
      data-stale={stale}
    >
      <header className="panel-header">
        <h2 id={`panel-title-${panel.id}`} title={panel.description}>
          {panel.title}
        </h2>
        <span className="panel-age" data-testid={`panel.${panel.id}.age`}>
          {ageText(newestSampleAt, now, stale)}
        </span>
      </header>
      <div className="panel-headline">
        <span className="panel-value" data-testid={`panel.${panel.id}.value`}>
          {value === undefined ? '—' : formatValue(value, panel.unit)}
        </span>
        {headline && data && data.series.length > 1 && (
          <span className="panel-value-context">{Object.values(headline.labels).join(' / ')}</span>
        )}
        {change && (
          <span className="panel-change" title="change across the range shown">
            {change}
          </span>
        )}
      </div>
      {props.loadFailed && !data && (
        <p className="panel-empty">Could not load this panel; retrying.</p>
      )}
      {data && data.series.length > 0 && (
        <TimeSeriesChart
          panel={panel}
          data={data}
          from={from}
          to={to}
          now={now}
          onZoom={props.onZoom}
          annotations={props.annotations}
          onAnnotate={annotate}
          onEditAnnotation={edit}
        />
      )}
      {data && data.series.length === 0 && <p className="panel-empty">No samples in this range.</p>}
      {data && data.series.length > 1 && (
        <SeriesLegend panel={panel} data={data} current={props.current} />
      )}
      {dialog && (
        <AnnotationDialog
          request={dialog}
          scopes={scopeOptions(panel)}
          onClose={() => setDialog(undefined)}
        />
      )}
    </section>
  );
}

function severity(panel: Panel, value: number | undefined): 'ok' | 'warning' | 'critical' {
  if (value === undefined) return 'ok';
  if (panel.thresholds.critical !== undefined && value >= panel.thresholds.critical)
    return 'critical';
  if (panel.thresholds.warning !== undefined && value >= panel.thresholds.warning) return 'warning';
  return 'ok';
}
