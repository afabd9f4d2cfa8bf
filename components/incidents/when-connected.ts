import { getSocket } from '@/lib/client/socket';

/**
 * Waits a moment for the tab's socket, so a click made as the page loads is not refused for a
 * connection still being made; resolves either way, and the write then says if it is down.
 */
export function whenConnected(timeoutMs = 3_000): Promise<void> {
  const socket = getSocket();
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off('connect', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('connect', done);
  });
}
