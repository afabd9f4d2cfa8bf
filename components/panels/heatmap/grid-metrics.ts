/** Rows and cells follow the text size, so a wallboard's bigger type brings bigger cells. */
export function gridMetrics(fontSize: number, focused: boolean) {
  return {
    rowHeight: Math.round(fontSize * (focused ? 2.4 : 1.3)),
    gap: Math.max(1, Math.round(fontSize / 6)),
    maxCellWidth: fontSize * (focused ? 8 : 3),
  };
}
