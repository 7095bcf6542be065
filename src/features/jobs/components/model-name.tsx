import { Fragment } from 'react';

/** Fine-tuned model names are long colon-joined ids; let them wrap at the colons, not mid-word. */
export function ModelName({ name }: { name: string }) {
  const parts = name.split(':');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
