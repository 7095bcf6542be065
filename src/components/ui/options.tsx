/** A choice that is its own words, or a value with the words shown for it. */
export type Choice = string | number | readonly [value: string, words: string];

/** A select's options, one per choice, in order. */
export function Options({ choices }: { choices: readonly Choice[] }) {
  return choices.map((choice) => {
    const [value, words] = typeof choice === 'object' ? choice : [choice, choice];
    return (
      <option key={value} value={value}>
        {words}
      </option>
    );
  });
}
