export function Component() {
  return <h1>Job</h1>;
}
