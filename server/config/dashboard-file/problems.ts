import type { z } from 'zod';

/** One reason a dashboard file was refused, placed at a line and column of the file. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  /** Where in the document, as `panels[2].unit`; empty for the file as a whole. */
  field: string;
  message: string;
  fix: string;
}

/** `headroom.yaml:12:5 panels[2].unit: expected one of …; fix: …` */
export function formatProblem(problem: ConfigProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}${field} ${problem.message}; fix: ${problem.fix}`;
}

export function fieldOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}

const list = (values: readonly unknown[]) => values.map((value) => String(value)).join(', ');

/** What went wrong and how to put it right, in the words of the file rather than of zod. */
export function explainIssue(issue: z.core.$ZodIssue): { message: string; fix: string } {
  const fix = (issue as { params?: { fix?: unknown } }).params?.fix;
  if (typeof fix === 'string') return { message: issue.message, fix };
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${list(issue.keys)}`,
        fix: 'remove it, or check its spelling against headroom.schema.json',
      };
    case 'invalid_value':
      return {
        message: `expected one of ${list(issue.values)}`,
        fix: `write one of ${list(issue.values)}`,
      };
    case 'invalid_union':
      return explainUnion(issue);
    case 'invalid_type':
      return issue.input === undefined
        ? { message: 'missing required field', fix: `add it (${issue.expected})` }
        : { message: `expected ${issue.expected}`, fix: `write a ${issue.expected} here` };
    case 'too_small':
    case 'too_big':
      return { message: issue.message, fix: 'change the value to fit' };
    default:
      return { message: issue.message, fix: 'see the "Dashboard file" section of the README' };
  }
}

function explainUnion(issue: z.core.$ZodIssueInvalidUnion): { message: string; fix: string } {
  const options = (issue as { options?: unknown }).options;
  if (Array.isArray(options)) {
    return { message: `expected one of ${list(options)}`, fix: `write one of ${list(options)}` };
  }
  // The one form whose type matched failed on its value: say what that form wanted.
  const matched = issue.errors.filter((branch) =>
    branch.some((inner) => inner.code !== 'invalid_type'),
  );
  const [inner] = matched.length === 1 ? (matched[0] ?? []) : [];
  if (inner) return explainIssue(inner);
  // A union with its own message already lists its forms; zod's default one does not.
  const listed = issue.message !== 'Invalid input';
  const fix = listed ? 'write one of the forms listed' : 'see headroom.schema.json for its forms';
  return { message: issue.message, fix };
}
