/** Action results ("Job started", "Cancel refused: …"), announced politely to screen readers. */
export type Tone = 'success' | 'error' | 'info';
interface Toast {
  id: number;
  tone: Tone;
  text: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function push(tone: Tone, text: string) {
  const id = nextId++;
  toasts = [...toasts, { id, tone, text }].slice(-4);
  emit();
  setTimeout(() => dismiss(id), tone === 'error' ? 8_000 : 4_000);
}
export function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** For the Toaster (loaded after the page draws): the toasts, and a way to hear of new ones. */
export const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
export const currentToasts = () => toasts;

export const toast = {
  success: (text: string) => push('success', text),
  error: (text: string) => push('error', text),
  info: (text: string) => push('info', text),
};
