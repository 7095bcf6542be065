import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FineTunedModelCard } from '../../../../contract/fine-tuned-models';
import { PageTitle } from '../../../components/page-title';
import { Button, buttonClass } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { FilterField } from '../../jobs/components/filter-field';
import { CreatedAt } from '../../jobs/components/job-row';
import { jobPagePath } from '../../jobs/paths';
import { ModelName } from '../../jobs/components/model-name';
import { cell, labelled, rowClass, stretchedLink } from '../../../components/ui/card-rows';
import { Pagination } from '../../jobs/components/pagination';
import { SelectField } from '../../../components/ui/select-field';
import { shortId } from '../../jobs/format';
import { pageRange } from '../../jobs/pagination';
import { fineTunedModelQueries } from '../api/queries';
import { ArchivedBadge } from '../components/archived-badge';
import { baseModelsOf, filterModels, isFiltered, SHOW_CHOICES, type ModelListSearch } from '../list-search';
import { modelKind, modelPagePath, modelTitle } from '../model-view';
import { useModelSearch } from '../use-model-search';

const SHOW_WORDS: Record<ModelListSearch['show'], string> = {
  active: 'Active',
  archived: 'Archived',
  all: 'All',
};

function ModelRow({ model }: { model: FineTunedModelCard }) {
  const title = modelTitle(model);
  return (
    <tr className={rowClass}>
      <td className={`${cell} max-w-80 max-sm:col-span-2 max-sm:max-w-none`}>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link to={modelPagePath(model.id)} className={stretchedLink}>
            <ModelName name={title} />
          </Link>
          {model.archived && <ArchivedBadge />}
        </div>
        {title !== model.id && (
          <div className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400" title={model.id}>
            {model.id}
          </div>
        )}
      </td>
      <td data-label="Base model" className={`${labelled} whitespace-nowrap max-sm:whitespace-normal max-sm:break-all`}>
        {model.root}
      </td>
      <td data-label="Type" className={`${labelled} capitalize`}>
        {modelKind(model)}
      </td>
      <td data-label="Created" className={`${labelled} whitespace-nowrap`}>
        {model.created === undefined ? '—' : <CreatedAt value={model.created} />}
      </td>
      <td data-label="Job" className={labelled}>
        {/* Raised above the row's link: this one opens the job, not the model. */}
        <Link
          to={jobPagePath(model.job)}
          className="relative z-10 font-mono text-xs text-orange-700 hover:underline dark:text-orange-400"
        >
          <span className="sr-only">Job that made {title}: </span>
          {shortId(model.job)}
        </Link>
      </td>
    </tr>
  );
}

function Filters({
  search,
  bases,
  onChange,
}: {
  search: ModelListSearch;
  bases: string[];
  onChange: ReturnType<typeof useModelSearch>['setFilter'];
}) {
  // A base model named in the URL stays a choice even when no model of it is left.
  const choices = search.base && !bases.includes(search.base) ? [...bases, search.base] : bases;
  return (
    <form
      role="search"
      aria-label="Filter models"
      onSubmit={(e) => e.preventDefault()}
      className="grid grid-cols-2 gap-x-3 gap-y-2.5 sm:grid-cols-3 lg:grid-cols-4"
    >
      <SelectField
        label="Show"
        value={search.show}
        choices={SHOW_CHOICES.map((s) => [s, SHOW_WORDS[s]] as const)}
        onChange={(show) => onChange('show', show as ModelListSearch['show'])}
      />
      <SelectField
        label="Base model"
        value={search.base ?? ''}
        choices={[['', 'Any base model'], ...choices]}
        onChange={(base) => onChange('base', base)}
      />
      <div className="col-span-2 sm:col-span-1">
        <FilterField label="Search" value={search.q ?? ''} onApply={(v) => onChange('q', v)} placeholder="Name or ID" />
      </div>
    </form>
  );
}

function Skeleton() {
  return (
    <div aria-hidden="true" className="space-y-2 motion-safe:animate-pulse">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="h-14 rounded-lg bg-zinc-100 dark:bg-zinc-900" />
      ))}
    </div>
  );
}

export function Component() {
  const modelSearch = useModelSearch();
  const { search, setFilter, clearFilters, setPage } = modelSearch;
  const models = useQuery(fineTunedModelQueries.list());
  const filtered = isFiltered(search);

  let body;
  if (models.data) {
    const matching = filterModels(models.data, search);
    const start = search.page * search.page_size;
    const shown = matching.slice(start, start + search.page_size);
    const range = pageRange(search.page, search.page_size, shown.length, matching.length);
    if (shown.length === 0) {
      const [title, text] = range.pastEnd
        ? ['This page is past the end of the list', 'The list is shorter than this page number.']
        : filtered
          ? ['No models match these filters', 'Try another search, or clear the filters.']
          : ['No fine-tuned models yet', 'A fine-tuning job that succeeds makes one.'];
      body = (
        <div className="rounded-lg border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          <h2 className="text-base font-semibold">{title}</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
          <div className="mt-4 flex flex-wrap justify-center gap-2">
            {range.pastEnd && (
              <Button variant="primary" onClick={() => setPage(0)}>
                Go to the first page
              </Button>
            )}
            {filtered && !range.pastEnd && <Button onClick={clearFilters}>Clear filters</Button>}
            {!filtered && !range.pastEnd && (
              <Link to="/jobs" className={buttonClass('primary')}>
                See the jobs
              </Link>
            )}
          </div>
        </div>
      );
    } else {
      body = (
        <>
          <div className="sm:overflow-hidden sm:rounded-lg sm:border sm:border-zinc-200 sm:bg-white dark:sm:border-zinc-800 dark:sm:bg-zinc-950">
            <table className="w-full text-left text-sm max-sm:block">
              <caption className="sr-only">Fine-tuned models</caption>
              <thead className="bg-zinc-50 text-xs text-zinc-600 max-sm:sr-only dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Base model
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Created
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Job
                  </th>
                </tr>
              </thead>
              <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-2">
                {shown.map((m) => (
                  <ModelRow key={m.id} model={m} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination paging={search} shown={shown.length} total={matching.length} setters={modelSearch} />
        </>
      );
    }
  } else if (models.isError) {
    body = (
      <div
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40"
      >
        <h2 className="font-semibold">Could not load models</h2>
        <p className="mt-1 text-sm">{describeError(models.error)}</p>
        <Button variant="primary" className="mt-4" onClick={() => void models.refetch()} disabled={models.isFetching}>
          {models.isFetching ? 'Retrying…' : 'Retry'}
        </Button>
      </div>
    );
  } else {
    body = <Skeleton />;
  }

  return (
    <div className="space-y-4">
      <PageTitle>Fine-tuned models · Mistral dashboard</PageTitle>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Fine-tuned models</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The models your jobs made. They stay usable after their jobs, and after the jobs API itself.
        </p>
      </div>
      <Filters search={search} bases={models.data ? baseModelsOf(models.data) : []} onChange={setFilter} />
      {models.data && models.isError && (
        <p className="text-sm text-red-700 dark:text-red-400">
          <span aria-hidden="true">⚠ </span>
          Refresh failed: {describeError(models.error)}. Showing the last loaded list.
        </p>
      )}
      {body}
    </div>
  );
}
