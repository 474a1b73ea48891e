/** The scopes a client may hold. The partner API checks the first two; the rest are reserved by the vendor. */
export const KNOWN_SCOPES = ['partner:create', 'partner:describe', 'partner:alter', 'partner:delete'] as const;

export function parseScopes(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((s) => s.length > 0))];
}

export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((s) => !(KNOWN_SCOPES as readonly string[]).includes(s));
}
