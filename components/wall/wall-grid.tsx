import { Children, type ReactNode } from 'react';
import { wallRows } from '@/lib/wall/grid';

interface Props {
  count: number;
  viewport: { width: number; height: number };
  children: ReactNode;
}

/** Rows of equal cells that fill the screen: the row sizes follow the panel count and aspect. */
export function WallGrid({ count, viewport, children }: Props) {
  const cells = Children.toArray(children);
  const rows = wallRows(count, viewport.width, viewport.height);
  const starts = rows.map((_, row) => rows.slice(0, row).reduce((sum, size) => sum + size, 0));
  return (
    <main className="wall-grid" data-testid="wall.grid" data-rows={rows.join(',')}>
      {rows.map((size, row) => (
        <div className="wall-row" key={row}>
          {cells.slice(starts[row], (starts[row] ?? 0) + size)}
        </div>
      ))}
    </main>
  );
}
