import { Button } from '../../../components/ui/button';
import { emptyRepository, type RepositoryRow } from '../form-state';
import { ErrorText, numeric, Section, TextField } from './fields';
import { fieldId, useForm } from './form-context';

/** Completion jobs only: code from GitHub as training data, alongside (or instead of) files. */
export function RepositoriesSection() {
  const { values, update, errors } = useForm();
  const set = (i: number, field: keyof RepositoryRow) => (s: string) =>
    update(`repositories.${i}.${field}`, (v) => ({
      ...v,
      repositories: v.repositories.map((r, j) => (j === i ? { ...r, [field]: s } : r)),
    }));

  return (
    <Section
      title="GitHub repositories"
      description="Optional. Train on a repository's code as well as (or instead of) files."
    >
      {values.repositories.map((repo, i) => (
        // Index keys are safe: every value lives in the form state, not in the row.
        <fieldset key={i} className="grid gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Repository {i + 1}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              name={`repositories.${i}.owner`}
              label={`Repository ${i + 1} owner`}
              autoComplete="off"
              placeholder="mistralai"
              value={repo.owner}
              onChange={set(i, 'owner')}
            />
            <TextField
              name={`repositories.${i}.name`}
              label={`Repository ${i + 1} name`}
              autoComplete="off"
              placeholder="client-ts"
              value={repo.name}
              onChange={set(i, 'name')}
            />
            <TextField
              name={`repositories.${i}.ref`}
              label={`Repository ${i + 1} ref`}
              autoComplete="off"
              hint="Branch, tag or commit. Optional."
              value={repo.ref}
              onChange={set(i, 'ref')}
            />
            <TextField
              {...numeric}
              name={`repositories.${i}.weight`}
              label={`Repository ${i + 1} weight`}
              placeholder="1"
              value={repo.weight}
              onChange={set(i, 'weight')}
            />
            <TextField
              name={`repositories.${i}.token`}
              label={`Repository ${i + 1} token`}
              type="password"
              autoComplete="off"
              className="sm:col-span-2"
              hint="A GitHub token that can read the repository. Not saved in the draft: retype it after a reload."
              value={repo.token}
              onChange={set(i, 'token')}
            />
          </div>
          <Button
            variant="ghost"
            className="justify-self-end"
            aria-label={`Remove repository ${i + 1}`}
            onClick={() =>
              update('repositories', (v) => ({ ...v, repositories: v.repositories.filter((_, j) => j !== i) }))
            }
          >
            Remove repository
          </Button>
        </fieldset>
      ))}
      {errors.repositories && <ErrorText id={`${fieldId('repositories')}-error`}>{errors.repositories}</ErrorText>}
      <Button
        className="w-fit"
        onClick={() => update('repositories', (v) => ({ ...v, repositories: [...v.repositories, emptyRepository()] }))}
      >
        <span aria-hidden="true">+</span> Add repository
      </Button>
    </Section>
  );
}
