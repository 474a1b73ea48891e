/** Names of fields and query parameters whose values are credentials, in any letter case or spelling. */
const SECRET_NAME = /secret|token|password|passwd|authorization|credential|api[-_]?key/i;
/** Paging cursors are not credentials, though they are called tokens. */
const NOT_SECRET = /^(next_)?page_?token$/i;
const isSecretName = (name: string): boolean => SECRET_NAME.test(name) && !NOT_SECRET.test(name);
/** Values that are credentials whatever their field is called: JWTs and webhook secrets. */
const SECRET_VALUE = /^(eyJ[\w-]+\.[\w-]+\.[\w-]*|whsec_\S+)$/;

export const REDACTED = '[redacted]';

/** A copy of a JSON value with every credential replaced: by the name of its field, or by its form. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 64) return REDACTED;
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = isSecretName(key) ? REDACTED : redact(item, depth + 1);
    return out;
  }
  return value;
}

/** A URL path with the values of credential query parameters replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let changed = false;
  for (const key of [...new Set(params.keys())]) {
    const values = params.getAll(key);
    if (isSecretName(key) || values.some((v) => SECRET_VALUE.test(v))) {
      params.delete(key);
      for (const _ of values) params.append(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, at)}?${params.toString()}` : url;
}
