import type { ReactNode } from 'react';
import { formatValue } from '@/lib/format';
import type { Panel } from '@/lib/protocol';

function thresholdsText({ thresholds, unit }: Panel): string | undefined {
  const parts = [
    thresholds.warning !== undefined && `warning ≥ ${formatValue(thresholds.warning, unit)}`,
    thresholds.critical !== undefined && `critical ≥ ${formatValue(thresholds.critical, unit)}`,
  ].filter((part) => part !== false);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** One panel on the wall, its thresholds written under it: a wall has no hover. */
export function WallCell({ panel, children }: { panel: Panel; children: ReactNode }) {
  const thresholds = thresholdsText(panel);
  return (
    <div className="wall-cell" data-testid={`wall.cell.${panel.id}`}>
      {children}
      {thresholds && <p className="wall-thresholds">{thresholds}</p>}
    </div>
  );
}
