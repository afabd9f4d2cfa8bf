import { QueryClient, type QueryFilters } from '@tanstack/react-query';

/** A panel's data for a range, at the number of points its chart is wide enough to draw. */
export const panelQueryKey = (panelId: string, rangeKey: string, points: number | undefined) =>
  ['panel-data', panelId, rangeKey, points] as const;

/** A panel's unfiltered data for a range, at every width: where pushed samples go. */
export function livePanelQueries(panelId: string, rangeKey: string): QueryFilters {
  return {
    queryKey: ['panel-data', panelId, rangeKey],
    // A workload filter adds a part to the key; pushes are unfiltered, so they skip those entries.
    predicate: (query) => query.queryKey.length === panelQueryKey(panelId, rangeKey, 0).length,
  };
}

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
