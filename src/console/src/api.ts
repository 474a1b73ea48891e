/** The signed-in client, as its token says. */
export interface Session {
  token: string;
  clientId: string;
  scopes: string[];
  /** The tenant a tenant client acts in; null for partners and administrators. */
  tenantId: string | null;
  expiresAt: number;
}

/** One answer from the API, kept as the API gave it so that errors can be shown verbatim. */
export interface Answer<T = unknown> {
  ok: boolean;
  status: number;
  statusText: string;
  headers: Headers;
  body: T;
  text: string;
}

const STORAGE_KEY = 'signups-console-session';

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  return JSON.parse(json) as Record<string, unknown>;
}

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > Date.now() ? session : null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}

/**
 * The secret of the client signed in during this page's life, kept in memory only (never stored), so that a token
 * that expired (or that a moved sandbox clock expired) is replaced as any client-credentials client would do it.
 */
let credentials: { clientId: string; clientSecret: string } | null = null;
let onRenewed: ((session: Session) => void) | null = null;

export function whenRenewed(listener: ((session: Session) => void) | null): void {
  onRenewed = listener;
}

export function forgetCredentials(): void {
  credentials = null;
}

/** Sends one request; JSON bodies are parsed, anything else is kept as text. Network failures become status 0. */
export async function request<T = unknown>(path: string, init: RequestInit & { token?: string | undefined; json?: unknown } = {}): Promise<Answer<T>> {
  const answer = await send<T>(path, init);
  if (answer.status === 401 && init.token && credentials) {
    const renewed = await signIn(credentials.clientId, credentials.clientSecret);
    if ('session' in renewed) {
      onRenewed?.(renewed.session);
      return send<T>(path, { ...init, token: renewed.session.token });
    }
  }
  return answer;
}

async function send<T>(path: string, init: RequestInit & { token?: string | undefined; json?: unknown }): Promise<Answer<T>> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  try {
    const res = await fetch(path, { ...init, headers, body: body ?? null });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { ok: res.ok, status: res.status, statusText: res.statusText, headers: res.headers, body: parsed as T, text };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, status: 0, statusText: 'Network error', headers: new Headers(), body: text as T, text };
  }
}

/** OAuth2 client credentials against the server's token endpoint, from the browser. */
export async function signIn(clientId: string, clientSecret: string): Promise<{ session: Session } | { error: Answer }> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
  const answer = await send<{ access_token: string; expires_in: number; scope?: string }>('/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (!answer.ok) return { error: answer };
  credentials = { clientId, clientSecret };
  const token = answer.body.access_token;
  const claims = claimsOf(token);
  const scopes = typeof claims.scope === 'string' && claims.scope !== '' ? claims.scope.split(' ') : [];
  return {
    session: {
      token,
      clientId,
      scopes,
      tenantId: typeof claims.tenant_id === 'string' ? claims.tenant_id : null,
      expiresAt: Date.now() + answer.body.expires_in * 1000,
    },
  };
}

export const isPartner = (s: Session): boolean => s.scopes.some((scope) => scope.startsWith('partner:'));
export const isAdmin = (s: Session): boolean => s.scopes.includes('signups:admin');
export const isTenant = (s: Session): boolean => s.tenantId !== null;
