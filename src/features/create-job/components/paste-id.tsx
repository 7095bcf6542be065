import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { controlClass } from './fields';

/** For a file the list does not show (another workspace's, or one uploaded with the SDK). */
export function PasteId({ label, onPaste }: { label: string; onPaste: (id: string) => void }) {
  const [text, setText] = useState('');
  const use = () => {
    if (!text.trim()) return;
    onPaste(text.trim());
    setText('');
  };
  return (
    <div className="flex min-w-0 gap-1.5">
      <input
        aria-label={label}
        placeholder="or paste a file id"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter here means "use this id", not "submit the whole form".
          if (e.key === 'Enter') {
            e.preventDefault();
            use();
          }
        }}
        className={`${controlClass(false)} w-56! font-mono`}
      />
      <Button onClick={use} disabled={!text.trim()}>
        Use id
      </Button>
    </div>
  );
}
