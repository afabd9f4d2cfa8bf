import { AnnotationActionError } from '@/lib/client/annotation-actions';

/** What the aggregator said went wrong; anything else gets a fixed line, never raw error text. */
export function actionErrorMessage(error: unknown): string {
  if (error instanceof AnnotationActionError) return error.message;
  return 'Could not save the annotation; try again.';
}
