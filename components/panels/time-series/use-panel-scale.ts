'use client';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import type { Panel } from '@/lib/protocol';
import type { YScale } from '@/lib/series/y-axis-layout';
import { scaleFromParam, scaleParamName, withScaleParam } from '@/lib/series/y-scale';

/** The panel's y scale, kept in the URL beside the range so a shared link draws the same. */
export function usePanelScale(panel: Panel): [YScale, (scale: YScale) => void] {
  const scale = scaleFromParam(panel, useSearchParams().get(scaleParamName(panel.id)));
  const setScale = useCallback(
    (next: YScale) => {
      const search = withScaleParam(window.location.search, panel, next);
      window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
    },
    [panel],
  );
  return [scale, setScale];
}
