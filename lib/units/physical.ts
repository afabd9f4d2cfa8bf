import { formatScaled, formatScaledTick, tickNumber, type Scale } from './numbers';
import { decimalStep } from './ticks';
import { absoluteChange, finiteOnly, type UnitFormat } from './unit-format';

const WATTS: readonly Scale[] = [
  { factor: 1e-3, symbol: 'mW' },
  { factor: 1, symbol: 'W' },
  { factor: 1e3, symbol: 'kW' },
  { factor: 1e6, symbol: 'MW' },
  { factor: 1e9, symbol: 'GW' },
];

const formatWatts = (value: number) => formatScaled(value, WATTS);

/** Power: "350 W", "89.6 kW", "1.2 MW". */
export const watts: UnitFormat = {
  value: formatWatts,
  tick: (value, step) => formatScaledTick(value, step, WATTS),
  step: decimalStep,
  change: absoluteChange(formatWatts),
};

const formatCelsius = finiteOnly((value) => {
  const text = String(Number(value.toFixed(1)));
  return `${text === '-0' ? '0' : text} °C`;
});

/** Temperature, never scaled: "72 °C", "72.5 °C", "-5.3 °C". */
export const celsius: UnitFormat = {
  value: formatCelsius,
  tick: (value, step) => `${tickNumber(value, step, 1)}\u00a0°C`,
  step: decimalStep,
  change: absoluteChange(formatCelsius),
};
