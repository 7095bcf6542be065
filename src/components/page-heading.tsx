import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The way back to a list, at the top of a page. */
export function BackLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <Link
      to={to}
      className={`text-sm text-zinc-600 hover:underline dark:text-zinc-400${className ? ` ${className}` : ''}`}
    >
      <span aria-hidden="true">←</span> {children}
    </Link>
  );
}

/** A page's title with what it shows under it (status, id) and, beside it, what can be done. */
export function TitleRow({ title, children, actions }: { title: ReactNode; children: ReactNode; actions: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0 space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
        {children}
      </div>
      {actions}
    </div>
  );
}
