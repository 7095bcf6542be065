import type { Ref } from 'react';
import { inScreenOrder } from '../field-errors';
import type { FieldPath } from '../form-state';
import { fieldLabel, linkTarget } from '../names';
import type { FieldErrors, Messages } from '../validate';

/**
 * Why the last submit stopped: the browser's own checks (the summary follows the user's fixes),
 * or the API's answer (its field messages go one by one as the user edits those fields).
 */
export type Banner = { from: 'browser' } | { from: 'api'; title: string; messages: string[] };

/** What the summary says now; the browser's goes once every field it named is fixed. */
export function summaryOf(banner: Banner, browser: Messages, server: FieldErrors) {
  if (banner.from === 'browser') {
    const n = Object.keys(browser.fields).length;
    if (n === 0 && browser.general.length === 0) return null;
    const title =
      n === 0 ? 'Check the form.' : n === 1 ? 'Check the highlighted field.' : `Check the ${n} highlighted fields.`;
    return { title, fields: inScreenOrder(browser.fields), messages: browser.general };
  }
  const fields = inScreenOrder(server);
  const title = fields.length ? `${banner.title} Check the highlighted fields.` : banner.title;
  return { title, fields, messages: banner.messages };
}

/**
 * What stops the job, above the form: a message per field, each a link that takes the focus to
 * the field, and what no field can show (a 409, a 5xx, the network, a model the API will not tune).
 */
export function ErrorSummary({
  title,
  fields,
  messages,
  ref,
}: {
  title: string;
  fields: readonly (readonly [FieldPath, string])[];
  messages: readonly string[];
  ref: Ref<HTMLDivElement>;
}) {
  const items = [
    ...fields.map(([path, msg]) => <FieldLink key={path} path={path} message={msg} />),
    ...messages.map((m, i) => <span key={i}>{m}</span>),
  ];
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-lg border border-red-600/40 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      {items.length === 1 && <p className="mt-1">{items[0]}</p>}
      {items.length > 1 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {items.map((item) => (
            <li key={item.key}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FieldLink({ path, message }: { path: FieldPath; message: string }) {
  const target = linkTarget(path);
  return (
    <a
      href={`#${target}`}
      className="underline underline-offset-2 hover:no-underline"
      onClick={(e) => {
        // Focus, not a jump to the fragment: the URL stays the form's, and the field is ready to type in.
        e.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {fieldLabel(path)}: {message}
    </a>
  );
}
