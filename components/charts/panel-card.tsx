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
import { GpuHeatmap } from './gpu-heatmap';
import { QueueForecastLines } from './queue-forecast-lines';
import { SeriesLegend } from './series-legend';
import { TimeSeriesChart } from './time-series-chart';
import { useHeatmapView, useQueueForecasts, type HeatmapView } from './use-panel-extras';

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
  /** The cluster drilled into: a heatmap shows only its nodes, a legend marks it. */
  cluster?: string;
  /** Given, the panel lets a click on a cluster (legend entry, heatmap heading) select it. */
  onSelectCluster?: (cluster: string | undefined) => void;
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
  const heatmap = useHeatmapView(props);
  const forecasts = useQueueForecasts(props);
  const headline = heatmap ? undefined : headlineSeries(props.current ?? data?.series);
  const value = headline && latestValue(headline);
  const first = headline && props.showChange ? firstValue(headline) : undefined;
  const change =
    value !== undefined && first !== undefined ? formatChange(first, value, panel.unit) : undefined;
  const level = stale ? 'stale' : heatmap ? heatmapSeverity(heatmap) : severity(panel, value);
  const [dialog, setDialog] = useState<AnnotationDialogRequest>();
  const annotate = props.canAnnotate
    ? (start: number, end: number) => setDialog({ type: 'create', start, end })
    : undefined;
  const edit = props.canAnnotate
    ? (annotation: Annotation) => setDialog({ type: 'edit', annotation })
    : undefined;
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
          {ageText(newestSampleAt, now, stale)}
        </span>
      </header>
      <div className="panel-headline">
        <span className="panel-value" data-testid={`panel.${panel.id}.value`}>
          {heatmap?.headline ?? (value === undefined ? '—' : formatValue(value, panel.unit))}
        </span>
        {heatmap && props.cluster && <span className="panel-value-context">{props.cluster}</span>}
        {headline && data && data.series.length > 1 && (
          <span className="panel-value-context">{Object.values(headline.labels).join(' / ')}</span>
        )}
        {change && (
          <span className="panel-change" title="change across the range shown">
            {change}
          </span>
        )}
      </div>
      {forecasts && <QueueForecastLines panel={panel} forecasts={forecasts} />}
      {props.loadFailed && !data && (
        <p className="panel-empty">Could not load this panel; retrying.</p>
      )}
      {data && data.series.length > 0 && heatmap && (
        <GpuHeatmap
          panel={panel}
          clusters={heatmap.clusters}
          at={heatmap.at}
          selected={props.cluster}
          onSelectCluster={props.onSelectCluster}
        />
      )}
      {data && data.series.length > 0 && !heatmap && (
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
          forecasts={forecasts}
        />
      )}
      {data && data.series.length === 0 && <p className="panel-empty">No samples in this range.</p>}
      {data && data.series.length > 1 && !heatmap && (
        <SeriesLegend
          panel={panel}
          data={data}
          current={props.current}
          onSelectCluster={props.onSelectCluster}
          selectedCluster={props.cluster}
        />
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

/** A heatmap headlines counts, not one value: a single silent GPU is worth a look. */
function heatmapSeverity(view: HeatmapView): 'ok' | 'warning' {
  return view.summary.silent > 0 ? 'warning' : 'ok';
}
