'use client';
import { useQuery } from '@tanstack/react-query';
import { LABEL_SERIES_LIMIT, fetchMetricSeries } from '@/lib/explore/api';
import { labelIndex } from '@/lib/explore/label-index';
import { readAccessToken } from '@/lib/client/access-token';

interface Props {
  metric: string;
  onAddMatcher: (label: string, value: string) => void;
}

/** The selected metric's label names and values; a value clicked becomes a matcher. */
export function LabelBrowser({ metric, onAddMatcher }: Props) {
  const { data, error, isPending } = useQuery({
    queryKey: ['explore', 'series', metric],
    queryFn: () => fetchMetricSeries('', metric, readAccessToken()),
  });
  const labels = data ? labelIndex(data) : [];
  return (
    <section className="explore-labels" aria-label={`Labels of ${metric}`}>
      <h2>
        <code>{metric}</code>
      </h2>
      {isPending && <p className="explore-count">Loading its series…</p>}
      {error && <p role="alert">Its labels could not be read.</p>}
      {data && (
        <p className="explore-count">
          {data.length === LABEL_SERIES_LIMIT ? `first ${data.length}` : data.length} series
          {labels.length === 0 && ', without labels'}
        </p>
      )}
      <dl>
        {labels.map(([name, values]) => (
          <div key={name} className="explore-label">
            <dt>{name}</dt>
            <dd>
              {values.map((value) => (
                <button
                  key={value}
                  type="button"
                  title={`Add ${name}="${value}" to the expression`}
                  onClick={() => onAddMatcher(name, value)}
                  data-testid={`explore.label.${name}.${value}`}
                >
                  {value}
                </button>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
