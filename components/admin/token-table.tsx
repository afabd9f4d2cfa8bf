'use client';
import { ZonedTime } from '@/components/shell/zoned-time';
import type { TokenInfo } from '@/lib/protocol';

const when = (ts: number | null) =>
  ts === null ? 'never' : <ZonedTime ts={ts} form="date-time" />;

export function TokenTable({
  tokens,
  onRevoke,
}: {
  tokens: readonly TokenInfo[];
  onRevoke: (id: string) => void;
}) {
  if (tokens.length === 0) return <p>No tokens yet.</p>;
  return (
    <table className="token-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Id</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            <td>{token.role}</td>
            <td>
              <code>{token.id}</code>
            </td>
            <td>{when(token.createdAt)}</td>
            <td>{when(token.lastUsedAt)}</td>
            <td>
              <button
                type="button"
                onClick={() => {
                  if (
                    confirm(`Revoke the token "${token.name}"? Anyone using it is cut off at once.`)
                  ) {
                    onRevoke(token.id);
                  }
                }}
              >
                Revoke
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
