import { numeric, TextField } from './fields';
import { RowSection } from './row-list';

/** Completion jobs only: code from GitHub as training data, alongside (or instead of) files. */
export function RepositoriesSection() {
  return (
    <RowSection
      list="repositories"
      description="Optional. Train on a repository's code as well as (or instead of) files."
    >
      {(i) => (
        <>
          <TextField path={`repositories.${i}.owner`} autoComplete="off" placeholder="mistralai" />
          <TextField path={`repositories.${i}.name`} autoComplete="off" placeholder="client-ts" />
          <TextField path={`repositories.${i}.ref`} autoComplete="off" hint="Branch, tag or commit. Optional." />
          <TextField {...numeric} path={`repositories.${i}.weight`} placeholder="1" />
          <TextField
            path={`repositories.${i}.token`}
            type="password"
            autoComplete="off"
            className="sm:col-span-2"
            hint="A GitHub token that can read the repository. Not saved in the draft: retype it after a reload."
          />
        </>
      )}
    </RowSection>
  );
}
