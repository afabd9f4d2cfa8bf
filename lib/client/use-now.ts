'use client';
import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for ages and sliding windows. */
export function useNow(intervalMs = 1_000, initial?: number): number {
  const [now, setNow] = useState(() => initial ?? Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
