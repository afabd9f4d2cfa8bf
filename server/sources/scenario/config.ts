import { z } from 'zod';
import { SCENARIO_SIGNALS } from './families';

/**
 * The built-in launch-surge story as a dashboard-file source; each knob left out keeps its
 * HEADROOM_SCENARIO_* (or HEADROOM_SEED, HEADROOM_SIMULATOR_SIGNALS) value.
 */
export const ScenarioSourceConfigSchema = z.strictObject({
  kind: z.literal('scenario'),
  id: z.literal('scenario').default('scenario'),
  scenario: z.literal('launch-surge').default('launch-surge'),
  seed: z.number().int().optional(),
  /** Story minutes per wall minute. */
  speed: z.number().min(0.1).max(3_600).optional(),
  loop: z.boolean().optional(),
  /** Minutes after the launch that the first start opens on. */
  startAt: z.number().min(-60).max(240).optional(),
  historyDays: z.number().min(0).max(7).optional(),
  signals: z.array(z.enum(SCENARIO_SIGNALS)).min(1).optional(),
});
export type ScenarioSourceConfig = z.infer<typeof ScenarioSourceConfigSchema>;
