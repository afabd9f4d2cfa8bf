import type { Panel } from '@/lib/protocol';
import { describeForecast, type QueueForecast } from '@/lib/series/queue-forecast';
import './forecast-lines.css';

interface Props {
  panel: Panel;
  forecasts: readonly QueueForecast[];
}

/** One line per series under the headline: its net rate and when it empties or overflows. */
export function QueueForecastLines({ panel, forecasts }: Props) {
  if (forecasts.length === 0) return null;
  return (
    <ul
      className="forecast-lines"
      aria-label={`${panel.title} forecast`}
      data-testid={`panel.${panel.id}.forecast`}
    >
      {forecasts.map((forecast) => (
        <li key={forecast.key} data-outlook={forecast.outlook.kind}>
          {describeForecast(forecast)}
        </li>
      ))}
    </ul>
  );
}
