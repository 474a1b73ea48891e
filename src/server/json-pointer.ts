// JSON Pointer (RFC 6901) segments, as error fields name a place in a body and OpenAPI `$ref`s name a place in a
// document.

export const escapePointerSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export const unescapePointerSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** The segments of a pointer (`/a/b~1c`) or of a URI fragment pointer (`#/paths/~1partner~1v2`), unescaped. */
export function pointerSegments(pointer: string): string[] {
  const fragment = pointer.startsWith('#');
  return pointer
    .slice(fragment ? 1 : 0)
    .split('/')
    .slice(1)
    .map((raw) => unescapePointerSegment(fragment ? decodeURIComponent(raw) : raw));
}
