import Link from 'next/link';

/** The explore page's top bar, like the sources page's. */
export function ExploreHeader() {
  return (
    <header className="app-header">
      <Link href="/" className="explore-brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        Headroom
      </Link>
      <nav aria-label="Main" className="explore-nav">
        <Link href="/">Dashboard</Link>
        <Link href="/explore" aria-current="page">
          Explore
        </Link>
        <Link href="/incidents">Incidents</Link>
        <Link href="/sources">Sources</Link>
      </nav>
    </header>
  );
}
