export const CONNECTION_STATES = ['connecting', 'live', 'reconnecting', 'offline'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export function connectionLabel(state: ConnectionState): string {
  switch (state) {
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return 'Live';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'offline':
      return 'Offline';
    default: {
      const unhandled: never = state;
      return unhandled;
    }
  }
}
