/** Where in the query text a problem is: offsets into the query, and the line and column. */
export interface QueryPosition {
  from: number;
  to: number;
  line: number;
  column: number;
}

export type PromqlErrorKind = 'syntax' | 'unsupported' | 'type' | 'execution';

/** A query we cannot answer, with what is wrong and where; its message is meant for the user. */
export class PromqlError extends Error {
  constructor(
    readonly kind: PromqlErrorKind,
    message: string,
    readonly position?: QueryPosition,
  ) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
  }
}

export function positionIn(query: string, from: number, to = from): QueryPosition {
  const before = query.slice(0, from).split('\n');
  const lastLine = before[before.length - 1] ?? '';
  return { from, to, line: before.length, column: lastLine.length + 1 };
}
