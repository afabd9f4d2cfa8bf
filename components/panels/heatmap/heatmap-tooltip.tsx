'use client';
import { useEffect } from 'react';
import type { HeatHover } from './heatmap-canvas';

const OFFSET = 14;
const FLIP_MARGIN = 260;

/** The one tooltip of a heatmap, beside the pointer; a tap elsewhere closes a touch one. */
export function HeatmapTooltip({
  hover,
  onClose,
}: {
  hover: HeatHover | undefined;
  onClose: () => void;
}) {
  const touch = hover?.touch ?? false;
  useEffect(() => {
    if (!touch) return;
    const close = (event: PointerEvent) => {
      if (!(event.target instanceof HTMLCanvasElement)) onClose();
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [touch, onClose]);
  if (!hover) return null;
  const flip = hover.clientX > window.innerWidth - FLIP_MARGIN;
  return (
    <div
      className="heatmap-tooltip"
      role="tooltip"
      data-testid="heatmap.tooltip"
      style={{
        top: hover.clientY + OFFSET,
        ...(flip
          ? { right: window.innerWidth - hover.clientX + OFFSET }
          : { left: hover.clientX + OFFSET }),
      }}
    >
      {hover.text}
    </div>
  );
}
