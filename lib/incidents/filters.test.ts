import { describe, expect, it } from 'vitest';
import { annotation as make } from '../annotations/testing';
import type { Annotation } from '../protocol';
import {
  DEFAULT_FILTERS,
  emptyListText,
  filterKey,
  filtersSearch,
  filtersToQuery,
  matchesFilters,
  parseIncidentFilters,
  toggleFilter,
} from './filters';

const annotation = (overrides: Partial<Annotation>) =>
  make({ id: 'a1', kind: 'incident', severity: 'SEV2', end: null, ...overrides });

describe('parseIncidentFilters', () => {
  it('shows incidents of any status and severity when the URL names no filter', () => {
    expect(parseIncidentFilters({})).toEqual(DEFAULT_FILTERS);
  });

  it('reads comma lists in canonical order and drops unknown or repeated values', () => {
    expect(
      parseIncidentFilters({
        kind: 'change,incident,bogus',
        status: 'resolved, open,open',
        severity: 'SEV3,SEV1,SEV9',
      }),
    ).toEqual({
      kinds: ['incident', 'change'],
      statuses: ['open', 'resolved'],
      severities: ['SEV1', 'SEV3'],
    });
  });

  it('falls back to incidents when no kind named is known', () => {
    expect(parseIncidentFilters({ kind: 'nonsense' }).kinds).toEqual(['incident']);
  });
});

describe('filtersToQuery', () => {
  it('sends only the filters that narrow the list', () => {
    expect(filtersToQuery(parseIncidentFilters({ status: 'open,mitigated' }))).toEqual({
      kind: 'incident',
      status: 'open,mitigated',
      severity: undefined,
      limit: 200,
    });
  });
});

describe('filtersSearch', () => {
  it('round-trips through the parser and leaves out the default kind', () => {
    const filters = parseIncidentFilters({ status: 'open,mitigated', severity: 'SEV1' });
    expect(filtersSearch(filters)).toBe('status=open,mitigated&severity=SEV1');
    expect(
      parseIncidentFilters(Object.fromEntries(new URLSearchParams(filtersSearch(filters)))),
    ).toEqual(filters);
  });

  it('is empty for the default filters and names other kinds', () => {
    expect(filtersSearch(DEFAULT_FILTERS)).toBe('');
    expect(filtersSearch(parseIncidentFilters({ kind: 'alert' }))).toBe('kind=alert');
  });
});

describe('filterKey', () => {
  it('differs between filters and agrees however the URL was written', () => {
    expect(filterKey(parseIncidentFilters({ status: 'mitigated,open' }))).toBe(
      filterKey(parseIncidentFilters({ status: 'open,mitigated' })),
    );
    expect(filterKey(parseIncidentFilters({ status: 'open' }))).not.toBe(
      filterKey(DEFAULT_FILTERS),
    );
  });
});

describe('toggleFilter', () => {
  it('adds and removes a value, keeping the canonical order', () => {
    const withSev = toggleFilter(DEFAULT_FILTERS, { facet: 'severities', value: 'SEV3' });
    const both = toggleFilter(withSev, { facet: 'severities', value: 'SEV1' });
    expect(both.severities).toEqual(['SEV1', 'SEV3']);
    expect(toggleFilter(both, { facet: 'severities', value: 'SEV3' }).severities).toEqual(['SEV1']);
  });

  it('keeps the last kind selected', () => {
    expect(toggleFilter(DEFAULT_FILTERS, { facet: 'kinds', value: 'incident' })).toBe(
      DEFAULT_FILTERS,
    );
  });
});

describe('matchesFilters', () => {
  const filters = parseIncidentFilters({ status: 'open,mitigated', severity: 'SEV1' });

  it('keeps an annotation of a listed kind, status and severity', () => {
    expect(matchesFilters(annotation({ severity: 'SEV1', status: 'mitigated' }), filters)).toBe(
      true,
    );
  });

  it('drops one whose status moved out of the filter', () => {
    expect(matchesFilters(annotation({ severity: 'SEV1', status: 'resolved' }), filters)).toBe(
      false,
    );
  });

  it('drops other kinds and, under a severity filter, anything without a severity', () => {
    expect(matchesFilters(annotation({ kind: 'change', severity: null }), DEFAULT_FILTERS)).toBe(
      false,
    );
    const changes = parseIncidentFilters({ kind: 'change', severity: 'SEV1' });
    expect(matchesFilters(annotation({ kind: 'change', severity: null }), changes)).toBe(false);
  });
});

describe('emptyListText', () => {
  it('says nothing was recorded, or that the filters hide everything', () => {
    expect(emptyListText(DEFAULT_FILTERS)).toBe('No incidents recorded yet.');
    expect(emptyListText(parseIncidentFilters({ status: 'open' }))).toMatch(/filters/);
  });
});
