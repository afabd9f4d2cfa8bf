import { z } from 'zod';
import { AnnotationIdSchema, AnnotationSchema } from './protocol-annotations';

/** Every open wallboard shows this incident's panels and window until it resolves or is cleared. */
export const WallFocusSchema = z.strictObject({
  incident: AnnotationSchema,
  setBy: z.string(),
  setAt: z.number(),
});
export type WallFocus = z.infer<typeof WallFocusSchema>;

/** What GET /api/wall/focus answers and the `wall:focus` event carries: null when none. */
export const WallFocusStateSchema = z.strictObject({ focus: WallFocusSchema.nullable() });
export type WallFocusState = z.infer<typeof WallFocusStateSchema>;

export const WallFocusRequestSchema = z.strictObject({ incidentId: AnnotationIdSchema });
export type WallFocusRequest = z.infer<typeof WallFocusRequestSchema>;

/** The window a focused wall draws: from 15 minutes before the incident to its end, or now. */
export const FOCUS_LEAD_MS = 15 * 60_000;
