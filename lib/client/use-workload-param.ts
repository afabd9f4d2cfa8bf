'use client';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { formatLabelFilter, type LabelFilter } from '../protocol';
import { readAccessToken } from './access-token';
import { useSearchParam } from './use-search-param';

export const WORKLOAD_LABEL = 'workload';

/** The workload every panel is narrowed to (`?workload=chat`), beside the cluster drilled into. */
export function useWorkloadParam(): [string | undefined, (workload: string | undefined) => void] {
  return useSearchParam(WORKLOAD_LABEL);
}

/** The filter panels send with their queries, or undefined for the whole fleet. */
export function useWorkloadFilter(): LabelFilter | undefined {
  const [workload] = useWorkloadParam();
  return workload ? { label: WORKLOAD_LABEL, value: workload } : undefined;
}

/** A filtered panel's data is cached apart, where unfiltered live pushes never land. */
export function filteredKey<Key extends readonly unknown[]>(
  key: Key,
  filter: LabelFilter | undefined,
): Key | [...Key, string] {
  return filter ? [...key, formatLabelFilter(filter)] : key;
}

const LabelValuesSchema = z.object({ status: z.literal('success'), data: z.array(z.string()) });

async function fetchWorkloads(): Promise<string[]> {
  const token = readAccessToken();
  const response = await fetch(`/api/v1/label/${WORKLOAD_LABEL}/values`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`workload values answered ${response.status}`);
  return LabelValuesSchema.parse(await response.json()).data;
}

/** The workloads the data knows, for the filter's choices. */
export function useWorkloads(): readonly string[] {
  // The set of workloads changes with deployments, not by the second.
  const { data } = useQuery({
    queryKey: ['workloads'],
    queryFn: fetchWorkloads,
    staleTime: 60_000,
  });
  return data ?? [];
}
