import { fieldClass } from '../../../components/ui/field';
import { Labelled } from '../../../components/ui/labelled';
import { useDebouncedText } from '../hooks/use-debounced-text';

interface FieldProps {
  label: string;
  value: string;
  onApply: (value: string) => void;
  type?: 'text' | 'search' | 'datetime-local';
  placeholder?: string;
}

/** Text and date filters apply after a pause or on Enter/blur, so typing does not fire a request per key. */
export function FilterField({ label, value, onApply, type = 'text', placeholder }: FieldProps) {
  const { text, setText, flush } = useDebouncedText(value, onApply);
  return (
    <Labelled label={label}>
      {(id) => (
        <input
          id={id}
          type={type}
          value={text}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
          onBlur={flush}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              flush();
            }
          }}
          className={fieldClass}
        />
      )}
    </Labelled>
  );
}
