'use client';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { AccessNeeded } from '@/components/shell/access-needed';
import { TimeRangeBar } from '@/components/shell/time-range-bar';
import { AccessDeniedError } from '@/lib/aggregator-api';
import { readAccessToken } from '@/lib/client/access-token';
import { useNow } from '@/lib/client/use-now';
import { useTimeRange } from '@/lib/client/use-time-range';
import { fetchMetricNames } from '@/lib/explore/api';
import { withMatcher } from '@/lib/explore/matcher';
import { absoluteRange } from '@/lib/time-range';
import { ExplorePage } from './explore-page';
import { ExploreResult } from './explore-result';
import { ExpressionForm } from './expression-form';
import { LabelBrowser } from './label-browser';
import { MetricBrowser } from './metric-browser';
import './explore.css';

/** The expression lives in the URL beside the range, so a link reproduces the view. */
function useExprParam(): [string, (expr: string) => void] {
  const expr = useSearchParams().get('expr') ?? '';
  const setExpr = useCallback((next: string) => {
    const params = new URLSearchParams(window.location.search);
    params.set('expr', next);
    window.history.pushState(null, '', `?${params.toString()}`);
  }, []);
  return [expr, setExpr];
}

export function ExploreView({ initialNames, now }: { initialNames: string[]; now: number }) {
  const [range, setRange] = useTimeRange(now);
  const clock = useNow(1_000, now);
  const [expr, setExpr] = useExprParam();
  const [draft, setDraft] = useState(expr);
  const [metric, setMetric] = useState<string>();
  const names = useQuery({
    queryKey: ['explore', 'names'],
    queryFn: () => fetchMetricNames('', readAccessToken()),
    initialData: initialNames,
    // New sources and pushes add names; a list a minute old is still useful.
    staleTime: 30_000,
  });
  if (names.error instanceof AccessDeniedError) {
    return <AccessNeeded status={names.error.status} what="to explore the data" />;
  }
  const select = (name: string) => {
    setMetric(name);
    setDraft(name);
    setExpr(name);
  };
  const addMatcher = (label: string, value: string) => {
    if (metric === undefined) return;
    const next = withMatcher(draft, metric, label, value);
    setDraft(next);
    setExpr(next);
  };
  return (
    <ExplorePage
      browser={<MetricBrowser names={names.data} selected={metric} onSelect={select} />}
      labels={metric && <LabelBrowser metric={metric} onAddMatcher={addMatcher} />}
    >
      <TimeRangeBar range={range} now={clock} onChange={setRange} />
      <ExpressionForm draft={draft} onDraft={setDraft} onRun={() => setExpr(draft.trim())} />
      {expr !== '' && (
        <ExploreResult
          expr={expr}
          range={range}
          onZoom={(from, to) => setRange(absoluteRange(from, to))}
        />
      )}
    </ExplorePage>
  );
}
