import Link from 'next/link';
import './incidents.css';

/** The incident pages' top bar: back to the dashboard, or to the list. */
export function IncidentsHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="incidents-brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        Headroom
      </Link>
      <nav aria-label="Main" className="incidents-nav">
        <Link href="/">Dashboard</Link>
        <Link href="/incidents">Incidents</Link>
      </nav>
    </header>
  );
}
