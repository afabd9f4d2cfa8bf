import type { ErrorCode } from '../../lib/protocol';
import { AnnotationConflictError, AnnotationNotFoundError } from './annotation-service';

export interface AnnotationFailure {
  status: number;
  code: ErrorCode;
  message: string;
}

/** Known failures keep their message; for anything else, undefined: its text stays in the log. */
export function translateAnnotationError(error: unknown): AnnotationFailure | undefined {
  if (error instanceof AnnotationNotFoundError) {
    return { status: 404, code: 'not_found', message: error.message };
  }
  if (error instanceof AnnotationConflictError) {
    return { status: 409, code: 'conflict', message: error.message };
  }
  return undefined;
}
