/**
 * The scopes a client may hold. The partner API checks the first two; the next two are reserved by the vendor;
 * `signups:admin` opens the sandbox controls of a server started with `--sandbox`.
 */
export const KNOWN_SCOPES = ['partner:create', 'partner:describe', 'partner:alter', 'partner:delete', 'signups:admin'] as const;
export const ADMIN_SCOPE = 'signups:admin';

export function parseScopes(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((s) => s.length > 0))];
}

export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((s) => !(KNOWN_SCOPES as readonly string[]).includes(s));
}
