interface Props<T extends string> {
  label: string;
  values: readonly T[];
  selected: readonly T[];
  onToggle: (value: T) => void;
}

/** A row of toggle buttons; none pressed means no filter on this facet. */
export function FilterGroup<T extends string>({ label, values, selected, onToggle }: Props<T>) {
  return (
    <div className="filter-group" role="group" aria-label={label}>
      <span className="filter-label" aria-hidden="true">
        {label}
      </span>
      {values.map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={selected.includes(value)}
          onClick={() => onToggle(value)}
        >
          {value}
        </button>
      ))}
    </div>
  );
}
