'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateAnnotation } from '@/lib/client/annotation-actions';
import { annotationQueryKey } from '@/lib/client/query-client';
import type { Annotation, AnnotationChanges } from '@/lib/protocol';
import { whenConnected } from './when-connected';

/** Sends a change over the socket; the answer shows at once, before the push reaches everyone. */
export function useUpdateIncident(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (changes: AnnotationChanges) => {
      await whenConnected();
      return updateAnnotation(id, changes);
    },
    onSuccess: (next) => {
      client.setQueryData<Annotation>(annotationQueryKey(id), (current) =>
        current && current.updatedAt > next.updatedAt ? current : next,
      );
    },
  });
}
