import { QueryClient } from '@tanstack/react-query';

export const panelQueryKey = (panelId: string, rangeKey: string) =>
  ['panel-data', panelId, rangeKey] as const;

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Pushed batches keep panel data current; a background refetch would only race them.
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 2 },
    },
  });
}

export const annotationsQueryKey = (rangeKey: string) => ['annotations', rangeKey] as const;
export const annotationQueryKey = (id: string) => ['annotation', id] as const;
export const sessionQueryKey = ['session'] as const;
