import type { ComponentType } from 'react';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import type { PanelLevel } from '@/lib/series/headline';

/** What a panel shows beside its definition: its data, how fresh it is, what is drawn on it. */
export interface PanelFeed {
  data: PanelData | undefined;
  /** Each series' value now, when the chart's own last points are bucket envelopes. */
  current: PanelData['series'] | undefined;
  newestSampleAt: number | undefined;
  /** Change across the range is only honest when the points are samples, not envelopes. */
  showChange: boolean;
  stale: boolean;
  loadFailed: boolean;
  /** Drawn on the chart; the caller picks those that apply to this panel and its range. */
  annotations: readonly Annotation[];
}

/** A feed that holds data: what a kind's component is given. */
export type LoadedFeed = PanelFeed & { data: PanelData };

export interface PanelProps {
  panel: Panel;
  feed: PanelFeed;
}

export interface Headline {
  /** The value written large: '—' when there is none. */
  value: string;
  /** What the value belongs to: the headline series' labels, the cluster drilled into. */
  context?: string;
  /** Change across the range shown, where it is honest. */
  change?: string;
  level: PanelLevel;
}

export interface PanelKindProps<View> {
  panel: Panel;
  feed: LoadedFeed;
  view: View;
}

/**
 * One display kind as a unit. `useView` runs the kind's pure shaper from lib/series (with its
 * extras, such as a queue forecast) and memoises it; the frame draws the headline and severity
 * from `headline`, and `Component` below it once there are series to draw.
 */
export interface PanelKind<View> {
  useView: (panel: Panel, feed: PanelFeed) => View;
  headline: (view: View, panel: Panel, feed: PanelFeed) => Headline;
  Component: ComponentType<PanelKindProps<View>>;
}
