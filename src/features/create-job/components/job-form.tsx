import { askNotificationPermission } from '../../watch/notify';
import { watch } from '../../watch/store';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { toast } from '../../../components/toast';
import { Button } from '../../../components/ui/button';
import { describeError, isApiError, NetworkError, validationItems } from '../../../lib/api-error';
import { isGone } from '../../../lib/jobs-api';
import RetiredNotice from '../../jobs/components/retired-notice';
import { useRetired } from '../use-retired';
import { useCreateJob } from '../../jobs/api/mutations';
import { clearDraft, readDraft, useDraftAutosave } from '../draft';
import { useFieldErrors } from '../field-errors';
import { defaultValues, type FormValues } from '../form-state';
import { setIn } from '../paths';
import { removeRow } from '../rows';
import { jobTitle, shortId } from '../../jobs/format';
import { jobPagePath } from '../../jobs/paths';
import { ErrorSummary, summaryOf, type Banner } from './error-summary';
import { FilesSection } from './files-section';
import { FormProvider, type FormApi } from './form-context';
import { HyperparametersSection } from './hyperparameters-section';
import { ModelSection } from './model-section';
import { OutputSection } from './output-section';
import { RepositoriesSection } from './repositories-section';
import { TargetsSection } from './targets-section';
import { WandbSection } from './wandb-section';

export function JobForm() {
  const navigate = useNavigate();
  const create = useCreateJob();
  const [values, setValues] = useState<FormValues>(() => readDraft() ?? defaultValues());
  const errors = useFieldErrors();
  const [banner, setBanner] = useState<Banner | null>(null);
  const [undo, setUndo] = useState<FormValues | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  // State updates land after the event, so a second click in the same frame still sees
  // "not pending"; the ref is set synchronously and makes a double submit impossible.
  const inFlight = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const draft = useDraftAutosave(values);
  const retired = useRetired();
  const retiredRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? bannerRef.current ?? retiredRef.current)?.focus();
  }, [focusRequest]);

  const api: FormApi = {
    values,
    errors: errors.shown,
    set: (path, value) => {
      setValues((v) => setIn(v, path, value));
      setUndo(null);
      errors.edited(path);
    },
    edit: (list, recipe) => {
      setValues(recipe);
      setUndo(null);
      errors.edited(list);
    },
    removeRow: (list, i) => {
      setValues((v) => removeRow(v, list, i));
      setUndo(null);
      errors.rowRemoved(list, i);
    },
    blur: (path) => errors.blurred(values, path),
  };

  const summary = banner && summaryOf(banner, errors.browser, errors.server);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (inFlight.current) return;
    // The API would only refuse it; the notice says so, and the form stays as typed.
    if (retired) {
      setFocusRequest((x) => x + 1);
      return;
    }
    const result = errors.submitted(values);
    if (!result.ok) {
      setBanner({ from: 'browser' });
      setFocusRequest((x) => x + 1);
      return;
    }
    inFlight.current = true;
    const sent = values;
    setBanner(null);
    askNotificationPermission();
    create.mutate(result.body, {
      onSuccess: (job) => {
        draft.stop();
        // A job made here is watched until it ends.
        watch({ ...job, title: jobTitle(job) });
        toast.success(
          `Job ${shortId(job.id)} created${job.auto_start ? '' : '; it will wait for your start after validation'}.`,
        );
        void navigate(jobPagePath(job.id));
      },
      onError: (error) => {
        inFlight.current = false;
        const items = validationItems(error);
        if (isGone(error)) {
          // The retired notice takes over (the client has learnt it from this very answer).
          setBanner(null);
        } else if (items.length) {
          setBanner({ from: 'api', title: 'The API refused the job.', messages: errors.refused(items, sent) });
        } else if (outcomeUnknown(error)) {
          // The request may have reached the API before the answer was lost; a blind resend could
          // start a second paid job, so the user checks first.
          setBanner({
            from: 'api',
            title: 'No answer from the API: the job may or may not have been created.',
            messages: [describeError(error), 'Check the job list before you submit again. Your form is kept.'],
          });
        } else {
          setBanner({ from: 'api', title: 'Could not create the job.', messages: [describeError(error)] });
        }
        setFocusRequest((x) => x + 1);
      },
    });
  }

  function reset() {
    setUndo(values);
    setValues(defaultValues());
    errors.reset();
    setBanner(null);
    clearDraft();
  }

  return (
    <FormProvider value={api}>
      <form ref={formRef} noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="New fine-tuning job">
        {retired && (
          <RetiredNotice
            ref={retiredRef}
            error={retired}
            lead="A job can no longer be created here: the API would refuse it, so the form sends nothing."
          >
            Everything you typed stays in the form, and is kept as a draft in this browser (without secrets).
          </RetiredNotice>
        )}
        {summary && <ErrorSummary ref={bannerRef} {...summary} />}
        <ModelSection />
        <FilesSection />
        <HyperparametersSection />
        {values.job_type === 'completion' ? <RepositoriesSection /> : <TargetsSection />}
        <WandbSection />
        <OutputSection />
        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-zinc-200 bg-zinc-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border dark:border-zinc-800 dark:bg-zinc-950/95">
          <Button
            type="submit"
            variant="primary"
            disabled={create.isPending || retired !== undefined}
            aria-describedby="cj-draft-note"
          >
            {create.isPending && (
              <span
                aria-hidden="true"
                className="size-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white"
              />
            )}
            Create job
          </Button>
          <Button onClick={reset} disabled={create.isPending}>
            Reset form
          </Button>
          <p id="cj-draft-note" role="status" className="text-xs text-zinc-600 sm:ml-auto dark:text-zinc-400">
            {create.isPending ? (
              'Creating the job…'
            ) : retired ? (
              'Nothing is sent: this backend no longer accepts jobs. Your input is kept.'
            ) : undo ? (
              <>
                Form cleared.{' '}
                <button
                  type="button"
                  className="font-medium underline"
                  onClick={() => {
                    setValues(undo);
                    setUndo(null);
                  }}
                >
                  Undo
                </button>
              </>
            ) : (
              <span className="hidden sm:inline">Your input is kept as a draft in this browser (without secrets).</span>
            )}
          </p>
        </div>
      </form>
    </FormProvider>
  );
}

/**
 * A lost connection, or a server error other than 503 (which means "not processed"): the job may
 * exist. A 4xx or a 503 means it does not.
 */
const outcomeUnknown = (error: unknown) =>
  error instanceof NetworkError || (isApiError(error) && error.status >= 500 && error.status !== 503);
