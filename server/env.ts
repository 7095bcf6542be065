/**
 * What every route handler finds on its context: the repositories, the clock and the time scale
 * the app was made with. Its own module, so the routes and the app that mounts them do not
 * import each other.
 */
import type { Clock } from './clock';
import type { FilesRepo } from './files/repo';
import type { JobsRepo } from './jobs/repo';
import type { ModelsRepo } from './models/repo';

export interface Env {
  Variables: { jobs: JobsRepo; files: FilesRepo; models: ModelsRepo; clock: Clock; timeScale: number };
}
