'use client';
import { AppLink } from './app-link';
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
          <AppLink href="/explore">Explore</AppLink>
          <AppLink href="/incidents">Incidents</AppLink>
          <AppLink href="/sources">Sources</AppLink>
          {managesTokens && <AppLink href="/admin/tokens">Tokens</AppLink>}
        </nav>
        <ThemeToggle />
      </div>
    </div>
  );
}
