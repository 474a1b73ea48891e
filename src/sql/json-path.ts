/**
 * The value at a JSON path of the simple form StackQL uses (`$.data`, `$.metadata.next`, `$.items[0].id`, or the
 * same without `$.`), or undefined when the path leads nowhere.
 */
export function jsonPath(value: unknown, path: string | undefined): unknown {
  let current = value;
  const steps = (path ?? '').replace(/^\$\.?/, '').match(/[^.[\]]+|\[\d+\]/g) ?? [];
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
