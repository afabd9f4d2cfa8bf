/** The plot area's inset from the chart's sides, in pixels: the y-axis on the left, a margin. */
export interface PlotInset {
  left: number;
  right: number;
}

/** The time under a point `offsetPx` from a chart's left edge; a point off the plot takes its nearer end. */
export function timeAtOffset(
  offsetPx: number,
  widthPx: number,
  inset: PlotInset,
  from: number,
  to: number,
): number {
  const plotPx = widthPx - inset.left - inset.right;
  if (plotPx <= 0) return from;
  const share = Math.min(1, Math.max(0, (offsetPx - inset.left) / plotPx));
  return from + share * (to - from);
}
