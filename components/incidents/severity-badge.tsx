import type { Severity } from '@/lib/protocol';

export function SeverityBadge({ severity }: { severity: Severity | null }) {
  if (severity === null) return <span className="incident-badge severity-none">—</span>;
  return (
    <span
      className={`incident-badge severity-${severity.toLowerCase()}`}
      data-testid="incident.severity"
    >
      {severity}
    </span>
  );
}
