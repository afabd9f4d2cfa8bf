'use client';
import { useQuery } from '@tanstack/react-query';
import { TimeSeriesChart } from '@/components/panels/time-series/time-series-chart';
import { AccessDeniedError } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import { ExpressionError, fetchRange } from '@/lib/explore/api';
import { EXPLORE_PANEL_ID, pointCount } from '@/lib/explore/matrix';
import { exploreWindow } from '@/lib/explore/step';
import type { Panel } from '@/lib/protocol';
import { isLive, rangeKey, resolveRange, type TimeRange } from '@/lib/time-range';
import { CopyPanel } from './copy-panel';

/** Pushed batches are per panel; an expression has none, so a live range asks again this often. */
const LIVE_REFETCH_MS = 5_000;

function panelFor(expr: string): Panel {
  return {
    id: EXPLORE_PANEL_ID,
    title: expr,
    description: '',
    unit: 'count',
    query: { expr },
    expectedIntervalMs: 15_000,
    thresholds: {},
    tags: [],
    display: 'lines',
    forecast: 'none',
  };
}

interface Props {
  expr: string;
  range: TimeRange;
  onZoom: (from: number, to: number) => void;
}

/** The expression over the range, drawn by the dashboard's own chart, refreshed while live. */
export function ExploreResult({ expr, range, onZoom }: Props) {
  const { data, error, isFetching } = useQuery({
    queryKey: ['explore', 'range', expr, rangeKey(range)],
    queryFn: () => {
      const { from, to } = resolveRange(range, Date.now());
      return fetchRange('', expr, exploreWindow(from, to), readAccessToken());
    },
    refetchInterval: isLive(range) ? LIVE_REFETCH_MS : false,
    placeholderData: (previous) => previous,
    retry: (count, failure) => !(failure instanceof ExpressionError) && count < 2,
  });
  if (error && !data) {
    return (
      <p role="alert" className="explore-error" data-testid="explore.error">
        {error instanceof ExpressionError
          ? error.message
          : error instanceof AccessDeniedError
            ? 'This token may not read the data.'
            : 'The aggregator did not answer; retrying.'}
      </p>
    );
  }
  if (!data) return <p className="explore-count">Running…</p>;
  const points = pointCount(data);
  return (
    <section className="explore-result" aria-label="Result" aria-busy={isFetching}>
      {error instanceof ExpressionError && (
        <p role="alert" className="explore-error" data-testid="explore.error">
          {error.message}
        </p>
      )}
      <p className="explore-count" data-testid="explore.summary">
        {data.series.length} series · {points} points · step {data.stepMs / 1000} s
      </p>
      <div data-testid="explore.chart" data-points={points} data-series={data.series.length}>
        <TimeSeriesChart
          panel={panelFor(expr)}
          data={data}
          from={data.from}
          to={data.to}
          onZoom={onZoom}
        />
      </div>
      {data.series.length === 0 && (
        <p className="explore-empty">No series matched over this range.</p>
      )}
      <CopyPanel key={expr} expr={expr} />
    </section>
  );
}
