/**
 * Typed dotted paths into a plain object: `model`, `repositories.${number}.owner`,
 * `integrations.0.api_key`. They are the form's field names, written the way the API's 422 `loc`
 * reads, so a path is the name, the element id, the error key and the edit at once, and a
 * misspelt one does not compile.
 */

type Leaf = string | number | boolean | null | undefined;

/** Every path to a value inside `T`, lists and objects included. */
export type Path<T> = T extends Leaf
  ? never
  : T extends readonly unknown[]
    ? number extends T['length']
      ? Down<`${number}`, T[number]>
      : { [K in keyof T & `${number}`]: Down<K, T[K]> }[keyof T & `${number}`]
    : { [K in keyof T & string]: Down<K, T[K]> }[keyof T & string];
type Down<K extends string, V> = K | `${K}.${Path<V>}`;

/** The type of the value at `P`. */
export type PathValue<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? PathValue<Step<T, Head>, Rest>
  : Step<T, P>;
type Step<T, K extends string> = T extends readonly unknown[]
  ? K extends keyof T
    ? T[K]
    : T[number]
  : K extends keyof T
    ? T[K]
    : never;

const steps = (path: string) => path.split('.');

export function getIn<T, P extends Path<T>>(root: T, path: P): PathValue<T, P> {
  let cur: unknown = root;
  for (const key of steps(path)) cur = (cur as Record<string, unknown> | undefined)?.[key];
  return cur as PathValue<T, P>;
}

/** A copy of `root` with `value` at `path`; only the objects along the path are copied. */
export function setIn<T, P extends Path<T>>(root: T, path: P, value: PathValue<T, P>): T {
  const put = (node: unknown, [key, ...rest]: string[]): unknown => {
    if (key === undefined) return value;
    if (Array.isArray(node)) return node.map((item: unknown, i) => (String(i) === key ? put(item, rest) : item));
    const obj = node as Record<string, unknown>;
    return { ...obj, [key]: put(obj[key], rest) };
  };
  return put(root, steps(path)) as T;
}
