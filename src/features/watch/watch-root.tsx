import { useJobWatcher } from './use-watcher';
import { WatchMenu } from './watch-menu';

/**
 * Watching, as the header mounts it: the watcher that follows watched jobs on every page, and the
 * menu that lists them. One lazy chunk, loaded after the first page draws.
 */
export default function WatchRoot() {
  useJobWatcher();
  return <WatchMenu />;
}
