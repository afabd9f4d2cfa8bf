import Link from 'next/link';
import './sources.css';

/** The sources page's top bar: back to the dashboard, or on to incidents. */
export function SourcesHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="sources-brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        Headroom
      </Link>
      <nav aria-label="Main" className="sources-nav">
        <Link href="/">Dashboard</Link>
        <Link href="/incidents">Incidents</Link>
        <Link href="/sources" aria-current="page">
          Sources
        </Link>
      </nav>
    </header>
  );
}
