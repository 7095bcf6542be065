import { useUnseenCount } from '../lib/title-mark';

/** The document's title, with the count of ended jobs the user has not seen in front of it. */
export function PageTitle({ children }: { children: string }) {
  const unseen = useUnseenCount();
  return <title>{unseen > 0 ? `(${unseen}) ${children}` : children}</title>;
}
