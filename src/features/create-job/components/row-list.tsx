import { Fragment, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import type { ListKey } from '../form-state';
import { errorId, fieldLabel, removeLabel, ROW_NOUN } from '../names';
import { addRow } from '../rows';
import { ErrorText, Section } from './fields';
import { useForm } from './form-context';

/**
 * The editor of one list of rows (training and validation files, repositories, classifier
 * targets): its rows, the message about the list as a whole, and Add beside any other `tools`.
 * Each row is drawn by `children` and gets its Remove action.
 */
export function RowList({
  list,
  children,
  note,
  tools,
}: {
  list: ListKey;
  children: (i: number, remove: () => void) => ReactNode;
  /** A line under the rows, above the buttons. */
  note?: ReactNode;
  tools?: ReactNode;
}) {
  const { values, errors, edit, removeRow } = useForm();
  const message = errors[list];
  return (
    <>
      {/* Index keys are safe: rows hold no state of their own, the form holds every value. */}
      {values[list].map((_, i) => (
        <Fragment key={i}>{children(i, () => removeRow(list, i))}</Fragment>
      ))}
      {message && (
        <ErrorText id={errorId(list)} tabIndex={-1}>
          {message}
        </ErrorText>
      )}
      {note}
      <div className="mt-1 flex flex-wrap items-start gap-x-3 gap-y-2">
        <Button onClick={() => edit(list, (v) => addRow(v, list))}>
          <span aria-hidden="true">+</span> Add {ROW_NOUN[list].toLowerCase()}
        </Button>
        {tools}
      </div>
    </>
  );
}

/** A section that is one list of framed rows of fields: repositories, classifier targets. */
export function RowSection({
  list,
  description,
  children,
}: {
  list: ListKey;
  description: string;
  children: (i: number) => ReactNode;
}) {
  return (
    <Section title={fieldLabel(list)} description={description}>
      <RowList list={list}>
        {(i, remove) => (
          <RowFieldset list={list} index={i} onRemove={remove}>
            {children(i)}
          </RowFieldset>
        )}
      </RowList>
    </Section>
  );
}

function RowFieldset({
  list,
  index,
  onRemove,
  children,
}: {
  list: ListKey;
  index: number;
  onRemove: () => void;
  children: ReactNode;
}) {
  const noun = ROW_NOUN[list];
  return (
    <fieldset className="grid gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">
        {noun} {index + 1}
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">{children}</div>
      <Button variant="ghost" className="justify-self-end" aria-label={removeLabel(list, index)} onClick={onRemove}>
        Remove {noun.toLowerCase()}
      </Button>
    </fieldset>
  );
}
