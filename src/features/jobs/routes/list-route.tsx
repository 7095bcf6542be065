import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { jobQueries } from '../api/queries';
import { parseListSearch } from '../filters';

// Placeholder list page: replaced by the full job table.
export function Component() {
  const [params] = useSearchParams();
  const { data } = useQuery(jobQueries.list(parseListSearch(params)));
  return (
    <div>
      <h1 className="text-xl font-semibold">Fine-tuning jobs</h1>
      <ul>
        {data?.data.map((j) => (
          <li key={j.id}>
            {j.id} {j.status}
          </li>
        ))}
      </ul>
    </div>
  );
}
