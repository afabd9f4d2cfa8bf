import type { Labels } from '../../../lib/protocol';
import { seriesKey } from '../../../lib/series/series-key';
import { formatDuration } from '../../../lib/duration';
import type { ScrapeConfig, TargetGroup } from './config';
import { relabel, type RawLabels, type RelabelRule } from './relabel';

export interface ScrapeTarget {
  /** The URL and labels together: a target whose labels change is a new target. */
  key: string;
  url: string;
  /** job, instance and the group's labels after relabelling; every `__` label is gone. */
  labels: Labels;
}

function withDefaults(address: string, group: TargetGroup, config: ScrapeConfig): RawLabels {
  const labels: RawLabels = { __address__: address };
  const defaults: RawLabels = {
    job: config.job_name,
    __scheme__: config.scheme,
    __metrics_path__: config.metrics_path,
    __scrape_interval__: formatDuration(config.scrape_interval),
    __scrape_timeout__: formatDuration(config.scrape_timeout),
  };
  // As in Prometheus, a group's labels win over the job's defaults (a group may set its own job).
  for (const [name, value] of [...Object.entries(group.labels), ...Object.entries(defaults)]) {
    labels[name] ??= value;
  }
  return labels;
}

function targetUrl(labels: RawLabels): string | undefined {
  const address = labels.__address__;
  if (!address) return undefined;
  try {
    const url = new URL(
      `${labels.__scheme__ ?? 'http'}://${address}${labels.__metrics_path__ ?? '/metrics'}`,
    );
    for (const [name, value] of Object.entries(labels)) {
      if (name.startsWith('__param_')) url.searchParams.set(name.slice('__param_'.length), value);
    }
    return url.toString();
  } catch {
    return undefined;
  }
}

/** One target per address, labelled as Prometheus labels it; dropped when relabelling says so. */
export function buildTargets(
  groups: readonly TargetGroup[],
  config: ScrapeConfig,
  rules: readonly RelabelRule[],
): ScrapeTarget[] {
  const targets = new Map<string, ScrapeTarget>();
  for (const group of groups) {
    for (const address of group.targets) {
      const relabelled = relabel(withDefaults(address, group, config), rules);
      if (!relabelled) continue;
      const url = targetUrl(relabelled);
      if (!url) continue;
      const labels: Labels = {};
      for (const [name, value] of Object.entries(relabelled)) {
        if (!name.startsWith('__') && value !== '') labels[name] = value;
      }
      labels.instance ??= relabelled.__address__ ?? '';
      const key = seriesKey(url, labels);
      targets.set(key, { key, url, labels });
    }
  }
  return [...targets.values()];
}
