'use client';
import type { ScopeOption } from '@/lib/annotations/scope';
import type { Annotation } from '@/lib/protocol';
import { AnnotationCreateForm } from './annotation-create-form';
import { AnnotationEditForm } from './annotation-edit-form';

/** What an editor asked for: a new annotation over a span (a point when the ends meet), or an edit. */
export type AnnotationDialogRequest =
  { type: 'create'; start: number; end: number } | { type: 'edit'; annotation: Annotation };

interface Props {
  request: AnnotationDialogRequest;
  scopes: readonly ScopeOption[];
  onClose: () => void;
}

export function AnnotationDialog({ request, scopes, onClose }: Props) {
  switch (request.type) {
    case 'create':
      return (
        <AnnotationCreateForm
          start={request.start}
          end={request.end}
          scopes={scopes}
          onClose={onClose}
        />
      );
    case 'edit':
      return <AnnotationEditForm annotation={request.annotation} onClose={onClose} />;
    default: {
      const unhandled: never = request;
      return unhandled;
    }
  }
}
