import { z } from 'zod';
import type { Panel } from '../protocol';
import { Y_SCALES, type YScale } from './y-axis-layout';

const YScaleParamSchema = z.enum(Y_SCALES);

/** Each panel's own parameter, so a shared link keeps every panel's choice: `?scale.queue-depth=log`. */
export function scaleParamName(panelId: string): string {
  return `scale.${panelId}`;
}

/**
 * Queues (the panels with a drain forecast) span orders of magnitude between workloads, so chat's
 * hundreds would lie flat under image generation's hundred thousands on a linear axis.
 */
export function defaultScale(panel: Pick<Panel, 'forecast'>): YScale {
  return panel.forecast === 'queue-drain' ? 'log' : 'linear';
}

/** The panel's scale from the URL's parameter; anything unknown reads as the default. */
export function scaleFromParam(
  panel: Pick<Panel, 'forecast'>,
  value: string | null | undefined,
): YScale {
  const parsed = YScaleParamSchema.safeParse(value);
  return parsed.success ? parsed.data : defaultScale(panel);
}

/** The query string with the panel's scale set; the default leaves no parameter behind. */
export function withScaleParam(
  search: string,
  panel: Pick<Panel, 'id' | 'forecast'>,
  scale: YScale,
): string {
  const params = new URLSearchParams(search);
  if (scale === defaultScale(panel)) params.delete(scaleParamName(panel.id));
  else params.set(scaleParamName(panel.id), scale);
  return params.toString();
}
