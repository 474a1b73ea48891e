import { escapePointerSegment } from './json-pointer.js';

/**
 * The JSON Pointer of the first string (or property name) that holds a NUL character, or null. PostgreSQL cannot
 * store NUL in text and SQLite would keep a value no client could send back safely, so both refuse it the same way.
 * Iterative, so a deep value cannot exhaust the stack.
 */
export function pointerToNul(value: unknown): string | null {
  // Almost every body holds no NUL: find that out without building a pointer for every value on the way.
  if (!holdsNul(value)) return null;
  const stack: Array<{ value: unknown; pointer: string }> = [{ value, pointer: '' }];
  while (stack.length > 0) {
    const { value: node, pointer } = stack.pop() as { value: unknown; pointer: string };
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return pointer;
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push({ value: node[i], pointer: `${pointer}/${i}` });
    } else if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        const childPointer = `${pointer}/${escapePointerSegment(key)}`;
        if (key.includes('\u0000')) return childPointer;
        stack.push({ value: child, pointer: childPointer });
      }
    }
  }
  return null;
}

/** True when some string or property name in the value holds a NUL character. */
function holdsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return true;
    } else if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
    } else if (typeof node === 'object' && node !== null) {
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        if (key.includes('\u0000')) return true;
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/** The name of the first parameter (path or query) whose value holds a NUL character, or null. */
export function parameterWithNul(parameters: unknown): string | null {
  if (typeof parameters !== 'object' || parameters === null) return null;
  for (const [name, value] of Object.entries(parameters)) {
    if (name.includes('\u0000') || pointerToNul(value) !== null) return name;
  }
  return null;
}
