import { ANNOTATION_KINDS, ANNOTATION_STATUSES, SEVERITIES } from '@/lib/protocol';
import {
  DEFAULT_FILTERS,
  isDefaultFilters,
  toggleFilter,
  type IncidentFilters,
} from '@/lib/incidents/filters';
import { FilterGroup } from './filter-group';

interface Props {
  filters: IncidentFilters;
  onChange: (filters: IncidentFilters) => void;
}

export function IncidentFilterBar({ filters, onChange }: Props) {
  return (
    <div className="incident-filters">
      <FilterGroup
        label="Kind"
        values={ANNOTATION_KINDS}
        selected={filters.kinds}
        onToggle={(value) => onChange(toggleFilter(filters, { facet: 'kinds', value }))}
      />
      <FilterGroup
        label="Status"
        values={ANNOTATION_STATUSES}
        selected={filters.statuses}
        onToggle={(value) => onChange(toggleFilter(filters, { facet: 'statuses', value }))}
      />
      <FilterGroup
        label="Severity"
        values={SEVERITIES}
        selected={filters.severities}
        onToggle={(value) => onChange(toggleFilter(filters, { facet: 'severities', value }))}
      />
      {!isDefaultFilters(filters) && (
        <button type="button" className="filter-clear" onClick={() => onChange(DEFAULT_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
