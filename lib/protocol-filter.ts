import { z } from 'zod';

const FILTER_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const MAX_FILTER_VALUE_LENGTH = 256;

/** One extra `label="value"` matcher a viewer narrows panels with (the dashboard's `workload`). */
export const LabelFilterSchema = z.strictObject({
  label: z
    .string()
    .regex(FILTER_LABEL, 'the filter label must match [a-zA-Z_][a-zA-Z0-9_]*')
    .refine((label) => !label.startsWith('__'), 'labels starting with "__" are reserved'),
  value: z.string().min(1).max(MAX_FILTER_VALUE_LENGTH),
});
export type LabelFilter = z.infer<typeof LabelFilterSchema>;

/** `filter=workload=chat` on /api/query: the label name, then the value after the first `=`. */
export const LabelFilterParamSchema = z
  .string()
  .max(400)
  .transform((text, ctx) => {
    const at = text.indexOf('=');
    if (at <= 0) {
      ctx.addIssue({ code: 'custom', message: 'filter must read label=value' });
      return z.NEVER;
    }
    return { label: text.slice(0, at), value: text.slice(at + 1) };
  })
  .pipe(LabelFilterSchema);

export const formatLabelFilter = (filter: LabelFilter): string => `${filter.label}=${filter.value}`;

/** What a filtered query answers about its filter: applied, or not possible for this panel. */
export const PanelFilterStateSchema = LabelFilterSchema.extend({ applied: z.boolean() });
export type PanelFilterState = z.infer<typeof PanelFilterStateSchema>;
