'use client';
import Link from 'next/link';
import { useState } from 'react';
import { ThemeToggle } from './theme-toggle';

/** The sections and the theme: inline on a desk, behind a Menu button on a phone. */
export function HeaderMenu({ managesTokens }: { managesTokens: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="header-menu" data-open={open}>
      <button
        type="button"
        className="header-menu-button"
        aria-expanded={open}
        aria-controls="header-sections"
        onClick={() => setOpen(!open)}
      >
        Menu
      </button>
      <div className="header-menu-items" id="header-sections">
        <nav className="header-nav" aria-label="Sections">
          <Link href="/explore">Explore</Link>
          <Link href="/incidents">Incidents</Link>
          <Link href="/sources">Sources</Link>
          {managesTokens && <Link href="/admin/tokens">Tokens</Link>}
        </nav>
        <ThemeToggle />
      </div>
    </div>
  );
}
