'use client';
import { THEME_CHOICES } from '@/lib/client/theme-choice';
import { useTheme } from '@/lib/client/use-theme';

const LABELS = { system: 'System', light: 'Light', dark: 'Dark' } as const;

export function ThemeToggle() {
  const [choice, choose] = useTheme();
  return (
    <select
      className="theme-toggle"
      aria-label="Theme"
      value={choice}
      onChange={(event) => {
        const next = THEME_CHOICES.find((item) => item === event.target.value);
        if (next) choose(next);
      }}
    >
      {THEME_CHOICES.map((item) => (
        <option key={item} value={item}>
          {LABELS[item]}
        </option>
      ))}
    </select>
  );
}
