'use client';
import { useState, type FormEvent } from 'react';
import { useTimeZone } from '@/lib/client/use-timezone';
import { formatWallDateTime, parseWallDateTime } from '@/lib/format';
import { zoneAbbreviation } from '@/lib/time-axis/zone';
import {
  PRESETS,
  absoluteRange,
  formatRangeEnd,
  isLive,
  parseRangeEnd,
  rangeKey,
  resolveRange,
  zoomOut,
  type TimeRange,
} from '@/lib/time-range';
import { CopyLink } from './copy-link';
import { WorkloadSelect } from './workload-select';
import { TimezoneToggle } from './timezone-toggle';
import './time-range-bar.css';

interface Props {
  range: TimeRange;
  now: number;
  onChange: (range: TimeRange) => void;
}

/** Presets, absolute from/to in the chosen zone, zoom out and live, like Grafana's time picker. */
export function TimeRangeBar({ range, now, onChange }: Props) {
  const live = isLive(range);
  const { from, to } = resolveRange(range, now);
  const activeFrom = formatRangeEnd(range.from);

  const toggleLive = () => {
    if (live) onChange(absoluteRange(from, to));
    else onChange({ from: { kind: 'now', offsetMs: to - from }, to: { kind: 'now', offsetMs: 0 } });
  };

  return (
    <nav className="range-bar" aria-label="Time range">
      <div className="range-presets" role="group" aria-label="Quick ranges">
        {PRESETS.map((preset) => (
          <button
            key={preset.from}
            type="button"
            aria-pressed={live && activeFrom === preset.from}
            onClick={() => {
              const start = parseRangeEnd(preset.from);
              if (start) onChange({ from: start, to: { kind: 'now', offsetMs: 0 } });
            }}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <AbsoluteRangeForm
        key={rangeKey(range)}
        from={from}
        to={to}
        onApply={(a, b) => onChange(absoluteRange(a, b))}
      />
      <button type="button" onClick={() => onChange(zoomOut(range, now))}>
        Zoom out
      </button>
      <button type="button" className="live-toggle" aria-pressed={live} onClick={toggleLive}>
        {live ? 'Live' : 'Paused'}
      </button>
      <WorkloadSelect />
      <CopyLink range={range} />
      <TimezoneToggle />
    </nav>
  );
}

function AbsoluteRangeForm(props: {
  from: number;
  to: number;
  onApply: (from: number, to: number) => void;
}) {
  // What the person typed; until then the inputs follow the range shown, live ranges included.
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const [error, setError] = useState<string>();
  const zone = useTimeZone();
  const zoneName = zoneAbbreviation(props.to, zone);
  const from = draft.from ?? formatWallDateTime(props.from, zone);
  const to = draft.to ?? formatWallDateTime(props.to, zone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = parseWallDateTime(from, zone);
    const end = parseWallDateTime(to, zone);
    if (Number.isNaN(start) || Number.isNaN(end)) {
      return setError(`Use YYYY-MM-DD HH:MM:SS (${zoneName})`);
    }
    if (end <= start) return setError('From must be before To');
    setError(undefined);
    setDraft({});
    props.onApply(start, end);
  };

  return (
    <form className="range-absolute" onSubmit={submit}>
      <label>
        From{' '}
        <input
          value={from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          aria-label={`From (${zoneName})`}
          size={19}
        />
      </label>
      <label>
        To{' '}
        <input
          value={to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          aria-label={`To (${zoneName})`}
          size={19}
        />
      </label>
      <button type="submit">Apply</button>
      {error && (
        <span className="range-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
