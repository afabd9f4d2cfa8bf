import { z } from 'zod';
import { multiLineText, oneLineText } from './protocol-text';
import { TimestampParamSchema } from './protocol-time';

export const TAG = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export const MAX_TAGS = 16;
export const MAX_ANNOTATION_PANELS = 32;
export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 4_000;
export const MAX_NOTE_LENGTH = 1_000;
export const MAX_TIMELINE_ENTRIES = 500;
export const MAX_ANNOTATIONS_PER_QUERY = 1_000;

export const ANNOTATION_KINDS = ['incident', 'change', 'alert'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ANNOTATION_STATUSES = ['open', 'mitigated', 'resolved'] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

export const TIMELINE_ACTIONS = ['created', 'edited', 'status', 'ended', 'note'] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

const Timestamp = z.number().int().min(0).max(8_640_000_000_000_000);
const PanelId = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'panel ids look like "gpu-util"');
const Tag = z.string().regex(TAG, 'tags are lower-case letters, digits, "_", "." or "-"');

export const TimelineEntrySchema = z.strictObject({
  at: Timestamp,
  author: z.string(),
  action: z.enum(TIMELINE_ACTIONS),
  text: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/**
 * A point when `end` equals `start`, an ongoing region while `end` is null, else a closed region.
 * Empty `panels` and `tags` mean every panel. `status` is worked for incidents; a change reads by
 * its extent instead (lib/annotations/lifecycle), so a point is never left "open".
 */
export const AnnotationSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(ANNOTATION_KINDS),
  severity: z.enum(SEVERITIES).nullable(),
  status: z.enum(ANNOTATION_STATUSES),
  title: z.string(),
  description: z.string(),
  start: Timestamp,
  end: Timestamp.nullable(),
  panels: z.array(z.string()),
  tags: z.array(z.string()),
  author: z.string(),
  /** The alert rule that opened it; null for annotations people or tools wrote. */
  ruleId: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  timeline: z.array(TimelineEntrySchema),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

function checkSeverity(
  value: { kind?: AnnotationKind; severity?: Severity | null | undefined },
  context: z.RefinementCtx,
) {
  if (value.kind === 'incident' && !value.severity) {
    context.addIssue({
      code: 'custom',
      path: ['severity'],
      message: 'incidents need a severity, SEV1 to SEV4',
    });
  }
  if (value.kind !== undefined && value.kind !== 'incident' && value.severity) {
    context.addIssue({ code: 'custom', path: ['severity'], message: 'only incidents have one' });
  }
}

export const AnnotationCreateSchema = z
  .strictObject({
    kind: z.enum(ANNOTATION_KINDS),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(ANNOTATION_STATUSES).default('open'),
    title: oneLineText(MAX_TITLE_LENGTH),
    description: multiLineText(MAX_DESCRIPTION_LENGTH).default(''),
    start: Timestamp,
    /** Absent: a point. Null: a region still going on. */
    end: Timestamp.nullable().optional(),
    panels: z.array(PanelId).max(MAX_ANNOTATION_PANELS).default([]),
    tags: z.array(Tag).max(MAX_TAGS).default([]),
  })
  .superRefine((value, context) => {
    checkSeverity(value, context);
    if (typeof value.end === 'number' && value.end < value.start) {
      context.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
    }
  });
export type AnnotationCreate = z.input<typeof AnnotationCreateSchema>;
export type AnnotationCreateParsed = z.output<typeof AnnotationCreateSchema>;

export const AnnotationChangesSchema = z
  .strictObject({
    title: oneLineText(MAX_TITLE_LENGTH).optional(),
    description: multiLineText(MAX_DESCRIPTION_LENGTH).optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(ANNOTATION_STATUSES).optional(),
    /** A number closes the region there; null reopens it as ongoing. */
    end: Timestamp.nullable().optional(),
    panels: z.array(PanelId).max(MAX_ANNOTATION_PANELS).optional(),
    tags: z.array(Tag).max(MAX_TAGS).optional(),
    /** A line for the timeline, with or without other changes. */
    note: multiLineText(MAX_NOTE_LENGTH).pipe(z.string().min(1, 'must not be empty')).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'nothing to change' });
export type AnnotationChanges = z.input<typeof AnnotationChangesSchema>;
export type AnnotationChangesParsed = z.output<typeof AnnotationChangesSchema>;

export const AnnotationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an annotation id');

export const AnnotationUpdateRequestSchema = z.strictObject({
  id: AnnotationIdSchema,
  changes: AnnotationChangesSchema,
});
export type AnnotationUpdateRequest = z.input<typeof AnnotationUpdateRequestSchema>;

export const AnnotationDeleteRequestSchema = z.strictObject({ id: AnnotationIdSchema });
export type AnnotationDeleteRequest = z.infer<typeof AnnotationDeleteRequestSchema>;

const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((list) => list.split(',').map((item) => item.trim()))
    .pipe(z.array(z.enum(values)).min(1));

/** Query-string filters: `kind` and `status` take comma lists; the range keeps overlapping ones. */
export const AnnotationQuerySchema = z
  .strictObject({
    from: TimestampParamSchema.optional(),
    to: TimestampParamSchema.optional(),
    kind: listOf(ANNOTATION_KINDS).optional(),
    status: listOf(ANNOTATION_STATUSES).optional(),
    severity: listOf(SEVERITIES).optional(),
    panel: PanelId.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_ANNOTATIONS_PER_QUERY).default(500),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'from must be before to',
    path: ['from'],
  });
export type AnnotationQuery = z.input<typeof AnnotationQuerySchema>;
export type AnnotationQueryParsed = z.output<typeof AnnotationQuerySchema>;

export const AnnotationListSchema = z.strictObject({ annotations: z.array(AnnotationSchema) });
export type AnnotationList = z.infer<typeof AnnotationListSchema>;
