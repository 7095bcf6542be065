import { describe, expect, it } from 'vitest';
import { getIn, setIn } from './paths';

const root = {
  model: 'm',
  rows: [
    { name: 'a', tags: ['x'] },
    { name: 'b', tags: [] as string[] },
  ],
  pair: [{ key: 'k' }] as [{ key: string }],
};

describe('typed paths', () => {
  it('reads a value at a dotted path, list indices included', () => {
    expect(getIn(root, 'model')).toBe('m');
    expect(getIn(root, 'rows.1.name')).toBe('b');
    expect(getIn(root, 'rows.0.tags.0')).toBe('x');
    expect(getIn(root, 'pair.0.key')).toBe('k');
    expect(getIn(root, 'rows.5.name')).toBeUndefined();
  });

  it('writes a copy, sharing every object off the path', () => {
    const next = setIn(root, 'rows.1.name', 'c');
    expect(next.rows[1]).toEqual({ name: 'c', tags: [] });
    expect(root.rows[1]?.name).toBe('b');
    expect(next.rows[0]).toBe(root.rows[0]);
    expect(next.pair).toBe(root.pair);
    expect(setIn(root, 'pair.0.key', 'z').pair).toEqual([{ key: 'z' }]);
    expect(setIn(root, 'rows', []).rows).toEqual([]);
  });

  it('refuses a path the object does not have, at compile time', () => {
    // @ts-expect-error `rows.0.nmae` is not a path of `root`.
    getIn(root, 'rows.0.nmae');
    // @ts-expect-error a name is a string.
    setIn(root, 'rows.0.name', 1);
    // @ts-expect-error the tuple has one element only.
    getIn(root, 'pair.1.key');
  });
});
