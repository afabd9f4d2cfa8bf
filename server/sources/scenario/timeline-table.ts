import { LAUNCH_SURGE } from './launch-surge';
import { MINUTE_MS, type Scenario, type ScenarioEvent } from './scenario';

interface Row {
  at: number;
  order: number;
  what: string;
  annotation: string;
}

const minute = (ms: number) => {
  const value = Math.round(ms / MINUTE_MS);
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
};

function eventRow(event: ScenarioEvent, titles: ReadonlyMap<string, string>): Row {
  const title = titles.get(event.key) ?? event.key;
  switch (event.action) {
    case 'create': {
      const shape = event.ongoing ? 'region opens' : 'point';
      const severity = event.severity ? `${event.severity} ` : '';
      return {
        at: event.at,
        order: 2,
        what: `"${event.title}"`,
        annotation: `${severity}${event.kind} (${shape})`,
      };
    }
    case 'update':
      return {
        at: event.at,
        order: 2,
        what: `"${title}": ${event.note}`,
        annotation: `update → ${event.status ?? 'note'}`,
      };
    case 'end':
      return {
        at: event.at,
        order: 2,
        what: `"${title}": ${event.note}`,
        annotation: `region closes${event.status ? `, ${event.status}` : ''}`,
      };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${String(unknown)}`);
    }
  }
}

/** The story as a Markdown table (minute from T0, what happens, annotation), for the README. */
export function renderTimelineTable(scenario: Scenario): string {
  const titles = new Map(
    scenario.events.flatMap((event) =>
      event.action === 'create' ? [[event.key, event.title]] : [],
    ),
  );
  const rows: Row[] = [
    { at: scenario.start, order: 0, what: 'Story starts: quiet baseline', annotation: '—' },
    ...scenario.phases.map((phase) => ({
      at: phase.at,
      order: 1,
      what: phase.label,
      annotation: '—',
    })),
    ...scenario.faults.map((fault) => ({
      at: fault.from,
      order: 3,
      what:
        fault.kind === 'xid'
          ? `XID ${fault.code} on ${fault.host} GPU ${fault.gpu} until ${minute(fault.to)}`
          : `Exporter on ${fault.host} goes silent until ${minute(fault.to)} (gaps, not zeros)`,
      annotation: '—',
    })),
    ...scenario.clusters.flatMap((cluster) =>
      cluster.onlineAt === undefined
        ? []
        : [
            {
              at: cluster.onlineAt,
              order: 1,
              what: `Cluster ${cluster.name} starts reporting; capacity ramps in`,
              annotation: '—',
            },
          ],
    ),
    ...scenario.events.map((event) => eventRow(event, titles)),
    {
      at: scenario.end,
      order: 4,
      what: 'Story ends (a looping source replays it)',
      annotation: '—',
    },
  ];
  rows.sort((a, b) => a.at - b.at || a.order - b.order);
  const lines = rows.map((row) => `| ${minute(row.at)} | ${row.what} | ${row.annotation} |`);
  return ['| minute | what happens | annotation |', '| ---: | --- | --- |', ...lines].join('\n');
}

export const SCENARIO_TIMELINE_TABLE = renderTimelineTable(LAUNCH_SURGE);
