import { useId } from 'react';
import { fieldClass, labelClass } from '../../../components/ui/field';
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
  const id = useId();
  const { text, setText, flush } = useDebouncedText(value, onApply);
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
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
    </div>
  );
}
