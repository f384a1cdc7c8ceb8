import type { ReactNode } from 'react';

/** A collapsible group of a context-panel tab, with its title and count; the body is a labelled region. */
export function PanelGroup({
  title,
  count,
  children,
}: {
  title: string;
  count: string | number;
  children: ReactNode;
}) {
  return (
    <details className="ms-group" open>
      <summary className="ms-group-title">
        <span className="ms-group-name">{title}</span>
        <span className="panel-count">{count}</span>
      </summary>
      <section aria-label={title}>{children}</section>
    </details>
  );
}
