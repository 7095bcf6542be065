/**
 * Where a create request's 422 points, as a field of the body: the wire's `loc` (`["body",
 * "training_files", 0]`) read as the dotted path of the field a form would show it at. Part of
 * the contract because both sides need it: the form puts each message at its field, and the
 * emulator's tests check that every refusal names a field a form can show.
 */

/**
 * Every field of a create body a form has a control for. Anything deeper (a label inside a
 * target, a key the server rejects as extra) lands on the closest of these; anything else is a
 * message about the whole request.
 */
const FIELD_KEY =
  /^(model|job_type|suffix|auto_start|invalid_sample_skip_percentage|training_files|validation_files|repositories|classifier_targets|training_files\.\d+\.(file_id|weight)|validation_files\.\d+|hyperparameters\.\w+|integrations\.0\.(project|name|run_name|api_key)|repositories\.\d+\.(owner|name|ref|token|weight)|classifier_targets\.\d+\.(name|labels|weight|loss_function))$/;

/** The API reports rules about the whole body at `job_in`; they belong with the training files. */
const WHOLE_BODY = 'job_in';

export function fieldKey(loc: readonly (string | number)[]): string | null {
  if (loc[0] !== 'body') return null;
  const path = loc.slice(1).map(String);
  if (path.length === 1 && path[0] === WHOLE_BODY) return 'training_files';
  // A bare-string training file (the old wire format) fails at `training_files.N` itself.
  if (path.length === 2 && path[0] === 'training_files') path.push('file_id');
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    if (FIELD_KEY.test(key)) return key;
  }
  return null;
}
