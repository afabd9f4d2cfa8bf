'use client';
import { useState } from 'react';
import {
  AnnotationDialog,
  type AnnotationDialogRequest,
} from '@/components/annotations/annotation-dialog';
import { scopeOptions } from '@/lib/annotations/scope';
import type { Annotation } from '@/lib/protocol';
import type { PanelKindProps } from '../panel-kind';
import { useClusterDrill, usePanelScope } from '../panel-scope';
import { QueueForecastLines } from './queue-forecast-lines';
import { SeriesLegend } from './series-legend';
import { TimeSeriesChart } from './time-series-chart';
import type { TimeSeriesView } from './use-time-series-view';

export function TimeSeriesPanel({ panel, feed, view }: PanelKindProps<TimeSeriesView>) {
  const { from, to, now, onZoom, canAnnotate } = usePanelScope();
  const drill = useClusterDrill(panel);
  const { data } = feed;
  const [dialog, setDialog] = useState<AnnotationDialogRequest>();
  const annotate = canAnnotate
    ? (start: number, end: number) => setDialog({ type: 'create', start, end })
    : undefined;
  const edit = canAnnotate
    ? (annotation: Annotation) => setDialog({ type: 'edit', annotation })
    : undefined;
  return (
    <>
      {view.forecasts && <QueueForecastLines panel={panel} forecasts={view.forecasts} />}
      <TimeSeriesChart
        panel={panel}
        data={data}
        from={from}
        to={to}
        now={now}
        onZoom={onZoom}
        annotations={feed.annotations}
        onAnnotate={annotate}
        onEditAnnotation={edit}
        forecasts={view.forecasts}
      />
      {data.series.length > 1 && (
        <SeriesLegend
          panel={panel}
          data={data}
          current={feed.current}
          onSelectCluster={drill?.select}
          selectedCluster={drill?.cluster}
        />
      )}
      {dialog && (
        <AnnotationDialog
          request={dialog}
          scopes={scopeOptions(panel)}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}
