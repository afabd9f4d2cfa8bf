'use client';
import { useState } from 'react';
import { actionErrorMessage } from './action-error';

/** Sends a dialog's write and closes it once done; a refusal shows and the dialog stays open. */
export function useFormSave(onClose: () => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const save = async (write: () => Promise<unknown>) => {
    setPending(true);
    setError(undefined);
    try {
      await write();
      onClose();
    } catch (failure) {
      setError(actionErrorMessage(failure));
      setPending(false);
    }
  };
  return { pending, error, setError, save };
}
