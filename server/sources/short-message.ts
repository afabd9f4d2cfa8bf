const MAX_LENGTH = 200;

/** One line of an error for status reports: never a stack, never a page of text. */
export function shortMessage(error: unknown): string {
  const text =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  const line = text.split('\n', 1)[0]?.trim() || 'unknown error';
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
