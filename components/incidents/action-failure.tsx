import { actionErrorMessage } from '@/components/annotations/action-error';

/** Why the last write from these controls was refused; nothing while there is no refusal. */
export function ActionFailure({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p className="incident-error" role="alert">
      {actionErrorMessage(error)}
    </p>
  );
}
