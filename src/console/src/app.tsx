import { useEffect, useState } from 'preact/hooks';
import { AdminView } from './admin';
import { type Answer, forgetCredentials, isAdmin, isPartner, isTenant, loadSession, saveSession, type Session, signIn, whenRenewed } from './api';
import { ApiErrorView } from './components';
import { PartnerView } from './partner';
import { TenantView } from './tenant';

interface NavItem {
  hash: string;
  label: string;
}

function navFor(session: Session): NavItem[] {
  const items: NavItem[] = [];
  if (isPartner(session))
    items.push(
      { hash: '#/partner/organizations', label: 'Organizations' },
      { hash: '#/partner/entitlements', label: 'Entitlements' },
      { hash: '#/partner/signup', label: 'New signup' },
    );
  if (isTenant(session)) items.push({ hash: '#/tenant/signups', label: 'Signups & live feed' }, { hash: '#/tenant/streams', label: 'Streams' });
  if (isAdmin(session)) items.push({ hash: '#/admin/sandbox', label: 'Sandbox' }, { hash: '#/admin/journal', label: 'Request journal' });
  return items;
}

function useHash(): [string, (hash: string) => void] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return [hash, (next) => (location.hash = next)];
}

function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    setBusy(true);
    const result = await signIn(String(form.get('client_id') ?? '').trim(), String(form.get('client_secret') ?? ''));
    setBusy(false);
    if ('error' in result) setError(result.error);
    else onSignedIn(result.session);
  };
  return (
    <main class="sign-in">
      <h1>Signups console</h1>
      <p class="muted">Sign in with an OAuth2 client's id and secret (<code>npx signups clients create</code>). The token is requested from this browser.</p>
      <form class="form" onSubmit={submit}>
        <label>
          Client id <input name="client_id" autocomplete="username" required />
        </label>
        <label>
          Client secret <input name="client_secret" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      {error && <ApiErrorView answer={error} />}
    </main>
  );
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [hash, go] = useHash();
  useEffect(() => saveSession(session), [session]);
  useEffect(() => {
    whenRenewed(setSession);
    return () => whenRenewed(null);
  }, []);
  if (!session) return <SignIn onSignedIn={(s) => setSession(s)} />;

  const nav = navFor(session);
  const current = nav.some((n) => hash.startsWith(n.hash)) ? hash : (nav[0]?.hash ?? '');
  const [, area = '', page = '', detail] = current.split('/');
  const role = [isPartner(session) && 'partner', isTenant(session) && `tenant ${session.tenantId}`, isAdmin(session) && 'sandbox admin'].filter(Boolean).join(' · ');
  return (
    <div class="shell">
      <header class="top">
        <a class="brand" href="/">
          Signups
        </a>
        <nav>
          {nav.map((n) => (
            <a href={n.hash} class={current.startsWith(n.hash) ? 'active' : ''}>
              {n.label}
            </a>
          ))}
        </nav>
        <div class="who">
          <span class="mono" title={session.clientId}>
            {role || 'no scopes'}
          </span>
          <a href="/docs">API docs</a>
          <button
            type="button"
            onClick={() => {
              forgetCredentials();
              setSession(null);
              location.hash = '';
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main class="content">
        {nav.length === 0 && <p>This client has no partner scopes, no tenant and no sandbox scope: there is nothing the console can show it.</p>}
        {area === 'partner' && <PartnerView session={session} page={page} detail={detail} go={go} />}
        {area === 'tenant' && <TenantView session={session} page={page} />}
        {area === 'admin' && <AdminView session={session} page={page} />}
      </main>
    </div>
  );
}
