export function Component() {
  return <h1>New job</h1>;
}
