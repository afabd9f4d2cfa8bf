import type { Source } from '../sources/source';

/** A source that writes `test_ticker` = its timestamp every interval, on aligned timestamps. */
export function createTickerSource(intervalMs: number): Source {
  let timer: NodeJS.Timeout | undefined;
  return {
    id: 'ticker',
    kind: 'test',
    async start(sink) {
      timer = setInterval(() => {
        const ts = Math.floor(Date.now() / intervalMs) * intervalMs;
        sink.append([{ metric: 'test_ticker', labels: {}, ts, value: ts }]);
      }, intervalMs / 4);
    },
    async stop() {
      clearInterval(timer);
    },
  };
}
