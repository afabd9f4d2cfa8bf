import Link from 'next/link';
import { describeDuration, describeKind } from '@/lib/annotations/describe';
import type { Annotation } from '@/lib/protocol';
import '@/components/annotations/annotations.css';

/** The annotations the lanes have no room for, listed on demand. */
export function AnnotationMore({ hidden, now }: { hidden: readonly Annotation[]; now: number }) {
  return (
    <details className="annotation-more">
      <summary>+{hidden.length} more</summary>
      <ul>
        {hidden.map((annotation) => (
          <li key={annotation.id}>
            {annotation.kind === 'incident' ? (
              <Link href={`/incidents/${encodeURIComponent(annotation.id)}`} prefetch={false}>
                {annotation.title}
              </Link>
            ) : (
              <span>{annotation.title}</span>
            )}{' '}
            <span className="annotation-more-meta">
              {describeKind(annotation)} · {describeDuration(annotation, now)}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
