'use client';
import { useTimeZone, useZoneChoice } from '@/lib/client/use-timezone';
import { ZONE_CHOICES, type ZoneChoice } from '@/lib/time-axis/zone-choice';
import './timezone-toggle.css';

const LABELS: Record<ZoneChoice, string> = { local: 'Local', utc: 'UTC' };

/** Local time or UTC for every time on the page; the choice travels in the URL and stays stored. */
export function TimezoneToggle() {
  const [choice, choose] = useZoneChoice();
  const zone = useTimeZone();
  return (
    <div className="range-timezone" role="group" aria-label="Time zone">
      {ZONE_CHOICES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={choice === option}
          title={
            option === 'local' ? `Your browser's zone (${zone})` : 'Coordinated Universal Time'
          }
          onClick={() => choose(option)}
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
