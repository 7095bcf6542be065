import { Link } from 'react-router';
import { buttonClass } from '../components/ui/button';

export function Component() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link to="/jobs" className={buttonClass('primary', 'mt-6')}>
        All jobs
      </Link>
    </div>
  );
}
