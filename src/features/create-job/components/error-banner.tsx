import type { Ref } from 'react';

export interface Banner {
  title: string;
  messages: string[];
  /** From the browser's own checks, so it can follow the user's fixes. */
  fromBrowser?: true;
}

/** Errors no single field can show: a 409, a 5xx, the network, a model the API will not tune. */
export function ErrorBanner({ banner, ref }: { banner: Banner; ref: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-lg border border-red-600/40 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-semibold">{banner.title}</p>
      {banner.messages.length === 1 && <p className="mt-1">{banner.messages[0]}</p>}
      {banner.messages.length > 1 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {banner.messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
