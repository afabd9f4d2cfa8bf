'use client';
import { useCallback, useState } from 'react';
import {
  AnnotationDialog,
  type AnnotationDialogRequest,
} from '@/components/annotations/annotation-dialog';
import { scopeOptions } from '@/lib/annotations/scope';
import type { Annotation } from '@/lib/protocol';
import type { PanelKindProps } from '../panel-kind';
import { useClusterDrill, usePanelScope } from '../panel-scope';
import { QueueForecastLines } from './queue-forecast-lines';
import { ScaleToggle } from './scale-toggle';
import { SeriesLegend } from './series-legend';
import { TimeSeriesChart } from './time-series-chart';
import { usePanelScale } from './use-panel-scale';
import { useSeriesVisibility } from './use-series-visibility';
import type { TimeSeriesView } from './use-time-series-view';

export function TimeSeriesPanel({ panel, feed, view }: PanelKindProps<TimeSeriesView>) {
  const { from, to, now, onZoom, canAnnotate } = usePanelScope();
  const drill = useClusterDrill(panel);
  const { data } = feed;
  const [dialog, setDialog] = useState<AnnotationDialogRequest>();
  const visibility = useSeriesVisibility();
  const [scale, setScale] = usePanelScale(panel);
  // Stable callbacks let the memoised chart skip renders where only the legend's values changed.
  const create = useCallback(
    (start: number, end: number) => setDialog({ type: 'create', start, end }),
    [],
  );
  const change = useCallback(
    (annotation: Annotation) => setDialog({ type: 'edit', annotation }),
    [],
  );
  const annotate = canAnnotate ? create : undefined;
  const edit = canAnnotate ? change : undefined;
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
        hiddenSeries={visibility.hidden}
        scale={scale}
      />
      {(data.series.length > 1 || scale === 'log') && panel.unit !== 'percent' && (
        <ScaleToggle panel={panel} scale={scale} onChange={setScale} />
      )}
      {data.series.length > 1 && (
        <SeriesLegend
          panel={panel}
          data={data}
          current={feed.current}
          hidden={visibility.hidden}
          onVisibility={visibility.apply}
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
