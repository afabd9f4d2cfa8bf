'use client';
import { useWorkloadParam, useWorkloads } from '@/lib/client/use-workload-param';

/** Narrows every panel that can be narrowed to one workload; "All workloads" clears it. */
export function WorkloadSelect() {
  const [workload, setWorkload] = useWorkloadParam();
  const workloads = useWorkloads();
  const choices = workload && !workloads.includes(workload) ? [workload, ...workloads] : workloads;
  return (
    <label className="workload-select">
      Workload
      <select
        value={workload ?? ''}
        onChange={(event) => setWorkload(event.target.value || undefined)}
        data-testid="workload-filter"
      >
        <option value="">All workloads</option>
        {choices.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
