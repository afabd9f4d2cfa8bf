'use client';
import { useTimeZone } from '@/lib/client/use-timezone';
import { formatClockIn, formatDateTimeIn } from '@/lib/format';

interface Props {
  ts: number;
  /** A time of day ("14:02:11 CET") or a full date and time ("2026-12-01 14:02:11 CET"). */
  form?: 'clock' | 'date-time';
  className?: string;
}

/** An instant in the zone the viewer chose; the server's first paint reads UTC. */
export function ZonedTime({ ts, form = 'clock', className }: Props) {
  const zone = useTimeZone();
  const text = form === 'clock' ? formatClockIn(ts, zone) : formatDateTimeIn(ts, zone);
  return (
    // A live clock may tick between the server's paint and hydration.
    <time dateTime={new Date(ts).toISOString()} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
