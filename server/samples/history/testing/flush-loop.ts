import { PROBE_METRIC, PROBE_START_TS, probeSeries, probeValue } from './durability-probe';
import { openStore } from './fixtures';

// Child process of durability.test.ts: `node --import tsx flush-loop.ts <dataDir>` flushes a batch
// every 100 ms and prints the newest ts it flushed, until the test kills it.
// Large enough that a flush takes a good part of the period, so a kill often lands inside one.
const BATCH = 20_000;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: flush-loop.ts <dataDir>');
const store = openStore(dataDir);
let ts = PROBE_START_TS;

setInterval(() => {
  const samples = [];
  for (let index = 0; index < BATCH; index++) {
    ts += 1;
    samples.push({
      metric: PROBE_METRIC,
      labels: { series: probeSeries(ts) },
      ts,
      value: probeValue(ts),
    });
  }
  store.append(samples);
  store.flush();
  process.stdout.write(`${ts}\n`);
}, 100);
