import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { comparePath } from '../../compare/compare-ids';
import { attachListShortcuts } from '../list-shortcuts';
import ShortcutsDialog from './shortcuts-dialog';

/** The list's shortcuts, listening on the document while the list is shown; `?` opens their list. */
export default function ListShortcuts({ selected }: { selected: readonly string[] }) {
  const navigate = useNavigate();
  const [help, setHelp] = useState(false);
  const ticked = useRef(selected);
  useEffect(() => {
    ticked.current = selected;
  });
  useEffect(
    () =>
      attachListShortcuts({
        selected: () => ticked.current,
        compare: (ids) => void navigate(comparePath(ids)),
        newJob: () => void navigate('/jobs/new'),
        help: () => setHelp(true),
      }),
    [navigate],
  );
  return help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null;
}
