'use client';
import { useSyncExternalStore } from 'react';
import { HEAT_FILLS, type HeatFill } from '@/lib/series/heatmap-paint';

/** The colours a canvas draw needs, resolved from the stylesheet's custom properties. */
export interface HeatPalette {
  fill: Record<HeatFill, string>;
  /** Text written on each fill: dark on light colours, light on dark ones. */
  ink: Record<HeatFill, string>;
  hatch: string;
  outline: string;
  font: string;
}

const DARK_INK = '#0b0f17';
const LIGHT_INK = '#ffffff';

/** A custom property may hold `light-dark()`: a real property resolves it to an rgb() colour. */
function resolveColour(element: HTMLElement, value: string): string {
  element.style.color = value;
  const colour = getComputedStyle(element).color;
  element.style.color = '';
  return colour;
}

function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

export function readHeatPalette(element: HTMLElement): HeatPalette {
  const fill = {} as Record<HeatFill, string>;
  const ink = {} as Record<HeatFill, string>;
  for (const key of HEAT_FILLS) {
    fill[key] = resolveColour(element, `var(--heat-${key})`);
    ink[key] = luminance(fill[key]) > 0.5 ? DARK_INK : LIGHT_INK;
  }
  const style = getComputedStyle(element);
  return {
    fill,
    ink,
    hatch: resolveColour(element, 'var(--heat-hatch)'),
    outline: resolveColour(element, 'var(--border)'),
    font: `600 ${style.fontSize} ${style.fontFamily}`,
  };
}

function subscribeToTheme(onChange: () => void): () => void {
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributeFilter: ['data-theme', 'class'] });
  return () => {
    scheme.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

const themeKey = () =>
  `${document.documentElement.dataset.theme ?? ''}|${document.documentElement.className}|${
    window.matchMedia('(prefers-color-scheme: dark)').matches
  }`;

/** Changes whenever the theme may have: the canvas then reads its colours again. */
export function useThemeKey(): string {
  return useSyncExternalStore(subscribeToTheme, themeKey, () => '');
}
