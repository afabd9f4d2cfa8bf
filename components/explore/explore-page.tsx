import type { ReactNode } from 'react';

interface Props {
  browser: ReactNode;
  labels: ReactNode;
  children: ReactNode;
}

/** Browser on the left, the expression and its chart on the right. */
export function ExplorePage({ browser, labels, children }: Props) {
  return (
    <main className="explore-page">
      <h1>Explore</h1>
      <div className="explore-layout">
        <aside className="explore-side">
          {browser}
          {labels}
        </aside>
        <div className="explore-main">{children}</div>
      </div>
    </main>
  );
}
