import {
  ANNOTATION_KINDS,
  ANNOTATION_STATUSES,
  SEVERITIES,
  type Annotation,
  type AnnotationKind,
  type AnnotationQuery,
  type AnnotationStatus,
  type Severity,
} from '../protocol';

/** The list's filters as the URL holds them; an empty status or severity list means any. */
export interface IncidentFilters {
  kinds: readonly AnnotationKind[];
  statuses: readonly AnnotationStatus[];
  severities: readonly Severity[];
}

export const DEFAULT_FILTERS: IncidentFilters = {
  kinds: ['incident'],
  statuses: [],
  severities: [],
};

export const INCIDENT_LIST_LIMIT = 200;

export interface FilterParams {
  kind?: string | null;
  status?: string | null;
  severity?: string | null;
}

export type FilterToggle =
  | { facet: 'kinds'; value: AnnotationKind }
  | { facet: 'statuses'; value: AnnotationStatus }
  | { facet: 'severities'; value: Severity };

/** The known values named in a comma list, in their canonical order; unknown ones are dropped. */
function pick<T extends string>(allowed: readonly T[], text: string | null | undefined): T[] {
  if (!text) return [];
  const wanted = new Set(text.split(',').map((item) => item.trim()));
  return allowed.filter((value) => wanted.has(value));
}

export function parseIncidentFilters(params: FilterParams): IncidentFilters {
  const kinds = pick(ANNOTATION_KINDS, params.kind);
  return {
    kinds: kinds.length > 0 ? kinds : DEFAULT_FILTERS.kinds,
    statuses: pick(ANNOTATION_STATUSES, params.status),
    severities: pick(SEVERITIES, params.severity),
  };
}

const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : undefined);

export function filtersToQuery(filters: IncidentFilters): AnnotationQuery {
  return {
    kind: filters.kinds.join(','),
    status: list(filters.statuses),
    severity: list(filters.severities),
    limit: INCIDENT_LIST_LIMIT,
  };
}

/** The query string for the filters, without `?`; the default kind is left out. */
export function filtersSearch(filters: IncidentFilters): string {
  const kind =
    filters.kinds.join(',') === DEFAULT_FILTERS.kinds.join(',') ? undefined : filters.kinds;
  const parts: [string, string | undefined][] = [
    ['kind', kind && list(kind)],
    ['status', list(filters.statuses)],
    ['severity', list(filters.severities)],
  ];
  // Every value comes from a fixed list of URL-safe words, so the commas stay readable.
  return parts.flatMap(([name, value]) => (value ? [`${name}=${value}`] : [])).join('&');
}

/** Identifies a filtered list in the query cache. */
export function filterKey(filters: IncidentFilters): string {
  return `kind=${filters.kinds.join(',')}&status=${filters.statuses.join(',')}&severity=${filters.severities.join(',')}`;
}

function toggle<T extends string>(current: readonly T[], value: T, order: readonly T[]): T[] {
  const next = current.includes(value)
    ? current.filter((item) => item !== value)
    : [...current, value];
  return order.filter((item) => next.includes(item));
}

/** Flips one value; the last kind stays selected, since a list of no kinds would show nothing. */
export function toggleFilter(filters: IncidentFilters, change: FilterToggle): IncidentFilters {
  switch (change.facet) {
    case 'kinds': {
      const kinds = toggle(filters.kinds, change.value, ANNOTATION_KINDS);
      return kinds.length > 0 ? { ...filters, kinds } : filters;
    }
    case 'statuses':
      return { ...filters, statuses: toggle(filters.statuses, change.value, ANNOTATION_STATUSES) };
    case 'severities':
      return { ...filters, severities: toggle(filters.severities, change.value, SEVERITIES) };
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/** Pushed changes land in every cached list, so each list drops those its filters exclude. */
export function matchesFilters(annotation: Annotation, filters: IncidentFilters): boolean {
  return (
    filters.kinds.includes(annotation.kind) &&
    (filters.statuses.length === 0 || filters.statuses.includes(annotation.status)) &&
    (filters.severities.length === 0 ||
      (annotation.severity !== null && filters.severities.includes(annotation.severity)))
  );
}

export function isDefaultFilters(filters: IncidentFilters): boolean {
  return filterKey(filters) === filterKey(DEFAULT_FILTERS);
}

export function emptyListText(filters: IncidentFilters): string {
  return isDefaultFilters(filters)
    ? 'No incidents recorded yet.'
    : 'Nothing matches these filters. Clear a filter to see more.';
}
