import type { SourceInfo } from '@/lib/protocol';
import { orderSources, sourceRowView } from '@/lib/sources/source-view';
import { StateBadge } from './state-badge';

function SourceRow({ source, now }: { source: SourceInfo; now: number }) {
  const view = sourceRowView(source, now);
  return (
    <tr data-testid={`sources.row.${source.id}`}>
      <th scope="row" className="source-id">
        {source.id}
      </th>
      <td>{source.kind}</td>
      <td>
        <StateBadge view={view} id={source.id} />
      </td>
      <td className="numeric">
        {view.lastSuccessIso === null ? (
          view.lastSuccess
        ) : (
          <time dateTime={view.lastSuccessIso} title={view.lastSuccessUtc ?? undefined}>
            {view.lastSuccess}
          </time>
        )}
      </td>
      <td className="source-error" data-testid={`sources.error.${source.id}`}>
        {view.lastError}
      </td>
      <td className="numeric">{view.rate}</td>
      <td className={view.quotaFull ? 'numeric source-quota-full' : 'numeric'}>
        {view.series}
        {view.quotaFull && <span className="source-quota-note"> (full)</span>}
      </td>
    </tr>
  );
}

export function SourceTable({ sources, now }: { sources: readonly SourceInfo[]; now: number }) {
  return (
    <table className="source-table" aria-label="Sources">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Kind</th>
          <th scope="col">State</th>
          <th scope="col">Last success</th>
          <th scope="col">Last error</th>
          <th scope="col">Samples/s</th>
          <th scope="col">Series (used / limit)</th>
        </tr>
      </thead>
      <tbody>
        {orderSources(sources).map((source) => (
          <SourceRow key={source.id} source={source} now={now} />
        ))}
      </tbody>
    </table>
  );
}
