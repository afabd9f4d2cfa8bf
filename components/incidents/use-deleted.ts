'use client';
import { useEffect, useState } from 'react';
import { getSocket } from '@/lib/client/socket';

/** Whether someone deleted the annotation while this page was open. */
export function useDeleted(id: string): boolean {
  const [deleted, setDeleted] = useState(false);
  useEffect(() => {
    const socket = getSocket();
    const onDelete = (request: { id: string }) => {
      if (request.id === id) setDeleted(true);
    };
    socket.on('annotation:delete', onDelete);
    return () => {
      socket.off('annotation:delete', onDelete);
    };
  }, [id]);
  return deleted;
}
