'use client';
import { useId, useState } from 'react';

/** Past this many matches the list asks for a narrower filter instead of growing the page. */
const SHOWN = 500;

interface Props {
  names: readonly string[];
  selected: string | undefined;
  onSelect: (metric: string) => void;
}

/** Every metric name Headroom holds, narrowed by a filter box. */
export function MetricBrowser({ names, selected, onSelect }: Props) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = names.filter((name) => words.every((word) => name.toLowerCase().includes(word)));
  return (
    <section className="explore-metrics" aria-labelledby={`${filterId}-title`}>
      <h2 id={`${filterId}-title`}>Metrics</h2>
      <label htmlFor={filterId}>Filter metrics</label>
      <input
        id={filterId}
        type="search"
        value={filter}
        placeholder="node_load"
        onChange={(event) => setFilter(event.target.value)}
        data-testid="explore.filter"
      />
      <p className="explore-count">
        {matching.length} of {names.length}
        {matching.length > SHOWN && `, first ${SHOWN} shown`}
      </p>
      <ul className="explore-metric-list" aria-label="Metric names">
        {matching.slice(0, SHOWN).map((name) => (
          <li key={name}>
            <button
              type="button"
              aria-pressed={name === selected}
              onClick={() => onSelect(name)}
              data-testid={`explore.metric.${name}`}
            >
              {name}
            </button>
          </li>
        ))}
      </ul>
      {names.length === 0 && (
        <p className="explore-empty">
          Nothing is held yet: push samples to <code>/api/ingest</code> or configure a source.
        </p>
      )}
    </section>
  );
}
