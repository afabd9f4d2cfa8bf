'use client';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { inRange, removeAnnotation, upsertAnnotation } from '../annotations/applies-to';
import { fetchAnnotations } from '../aggregator-api';
import type { Annotation } from '../protocol';
import { readAccessToken } from './access-token';
import { annotationQueryKey, annotationsQueryKey } from './query-client';
import { mergePushedQueryData, setPushedQueryData } from './pushed-query-data';
import { getSocket } from './socket';

/** Annotations overlapping a range, kept current by the pushes `useAnnotationStream` merges. */
export function useAnnotations(
  rangeKey: string,
  range: () => { from: number; to: number },
  initial?: Annotation[],
): Annotation[] {
  const { data } = useQuery({
    queryKey: annotationsQueryKey(rangeKey),
    queryFn: () => fetchAnnotations('', range(), readAccessToken()),
    initialData: initial,
    placeholderData: keepPreviousData,
  });
  return data ?? [];
}

/**
 * Merges every pushed annotation change into each cached list and single annotation. A connect that
 * Socket.IO did not recover may have missed changes (or followed the first paint), so lists refetch.
 */
export function useAnnotationStream(): void {
  const client = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const onUpsert = (annotation: Annotation) => {
      const now = Date.now();
      for (const query of client.getQueryCache().findAll({ queryKey: ['annotations'] })) {
        mergePushedQueryData<Annotation[]>(client, query.queryKey, (list) =>
          list ? inRange(upsertAnnotation(list, annotation), query.queryKey[1], now) : list,
        );
      }
      setPushedQueryData(client, annotationQueryKey(annotation.id), annotation);
    };
    const onDelete = ({ id }: { id: string }) => {
      for (const query of client.getQueryCache().findAll({ queryKey: ['annotations'] })) {
        mergePushedQueryData<Annotation[]>(client, query.queryKey, (list) =>
          list ? removeAnnotation(list, id) : list,
        );
      }
      client.removeQueries({ queryKey: annotationQueryKey(id) });
    };
    const onConnect = () => {
      if (socket.recovered) return;
      void client.invalidateQueries({ queryKey: ['annotations'] });
      void client.invalidateQueries({ queryKey: ['annotation'] });
    };
    socket.on('annotation:upsert', onUpsert);
    socket.on('annotation:delete', onDelete);
    socket.on('connect', onConnect);
    if (!socket.connected && !socket.active) socket.connect();
    return () => {
      socket.off('annotation:upsert', onUpsert);
      socket.off('annotation:delete', onDelete);
      socket.off('connect', onConnect);
    };
  }, [client]);
}
