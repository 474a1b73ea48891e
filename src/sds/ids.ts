import { AvevaError } from '../errors/aveva.js';

const INVALID_ID = { type: 'invalid_type_id', stream: 'invalid_stream_id', property: 'invalid_property_id' } as const;

/**
 * SDS identifier rules: at most 100 characters, no control characters, not starting with two underscores, not
 * starting or ending with a period. (A forward slash cannot reach us inside one path segment.)
 */
export function requireValidId(kind: 'type' | 'stream' | 'property', id: string): string {
  const problem =
    id.length === 0
      ? 'is empty'
      : id.length > 100
        ? 'is longer than 100 characters'
        : /[\u0000-\u001f\u007f]/.test(id)
          ? 'contains a control character'
          : id.startsWith('__')
            ? "starts with '__'"
            : id.startsWith('.') || id.endsWith('.')
              ? "starts or ends with '.'"
              : id.includes('/')
                ? "contains '/'"
                : null;
  if (problem) {
    const name = `${kind[0]?.toUpperCase()}${kind.slice(1)}Id`;
    throw new AvevaError(INVALID_ID[kind], `The ${kind} id '${id}' is not valid: it ${problem}.`, {
      resolution: "Use at most 100 characters, no control characters or '/', not starting with '__' and not starting or ending with '.'.",
      parameters: { [name]: id },
    });
  }
  return id;
}

/** The id in a body must be absent or the id in the path. */
export function requireSameId(kind: 'type' | 'stream', pathId: string, bodyId: unknown): void {
  if (bodyId === undefined || bodyId === null || bodyId === pathId) return;
  throw new AvevaError('mismatched_id', `The ${kind} id in the body ('${String(bodyId)}') differs from the one in the path ('${pathId}').`, {
    resolution: `Send the same ${kind} id in the path and the body, or leave it out of the body.`,
    parameters: { [`${kind === 'type' ? 'Type' : 'Stream'}Id`]: pathId },
  });
}
