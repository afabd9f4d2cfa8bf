'use client';
import { useState, type FormEvent } from 'react';
import { createToken } from '@/lib/client/token-api';
import { ROLES, type Role, type TokenCreated } from '@/lib/protocol';

export function TokenCreateForm({ onCreated }: { onCreated: (token: TokenCreated) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await createToken({ name: name.trim(), role }));
      setName('');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="token-create" onSubmit={(event) => void submit(event)}>
      <label>
        Name
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={64}
        />
      </label>
      <label>
        Role
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>
        Create token
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
