import { AppLink } from './app-link';
import { ThemeToggle } from './theme-toggle';
import './page-header.css';

const PAGES = [
  { href: '/', label: 'Dashboard' },
  { href: '/explore', label: 'Explore' },
  { href: '/incidents', label: 'Incidents' },
  { href: '/sources', label: 'Sources' },
] as const;

type PagePath = (typeof PAGES)[number]['href'];

/** The top bar of every page but the dashboard: the brand, and the main pages with this one marked. */
export function PageHeader({ current }: { current: PagePath }) {
  return (
    <header className="app-header">
      <AppLink href="/" className="page-brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        Headroom
      </AppLink>
      <nav aria-label="Main" className="page-nav">
        {PAGES.map(({ href, label }) => (
          <AppLink key={href} href={href} aria-current={href === current ? 'page' : undefined}>
            {label}
          </AppLink>
        ))}
      </nav>
      <ThemeToggle />
    </header>
  );
}
