import type { Panel } from '@/lib/protocol';
import type { YScale } from '@/lib/series/y-axis-layout';
import './scale-toggle.css';

interface Props {
  panel: Panel;
  scale: YScale;
  onChange: (scale: YScale) => void;
}

/** Switches the panel's y-axis between linear and log, for series orders of magnitude apart. */
export function ScaleToggle({ panel, scale, onChange }: Props) {
  return (
    <button
      type="button"
      className="scale-toggle"
      aria-pressed={scale === 'log'}
      data-testid={`panel.${panel.id}.scale`}
      title="Log scale: series far apart in size both stay readable"
      onClick={() => onChange(scale === 'log' ? 'linear' : 'log')}
    >
      Log scale
    </button>
  );
}
