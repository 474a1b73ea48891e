import { useEffect, useState } from 'preact/hooks';
import { type Answer, request, type Session } from './api';
import { ApiErrorView, Badge, formatTime, Json, Panel } from './components';

interface Metadata {
  self?: string;
  created_at?: string;
  next?: string;
  first?: string;
  total_size?: number;
}
interface Organization {
  id: string;
  name: string;
  sso_url?: string;
  sso_config?: { kind: string; tenant_id?: string };
  metadata: Metadata;
}
interface Entitlement {
  id: string;
  external_id: string;
  name: string;
  plan_id: string;
  product_id: string;
  organization?: { id: string };
  metadata: Metadata;
}
interface OrganizationUser {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  created_at: string;
}
/** Our extension's answer (openapi/partner-extensions-v1.yaml): partner/v2 has no route for an organization's users. */
interface OrganizationUserList {
  signup_complete: boolean;
  completed_at: string | null;
  data: OrganizationUser[];
}
interface List<T> {
  data: T[];
  metadata: Metadata;
}

const PAGE_SIZE = 10;

/** `page_token` of a list's `metadata.next` link, for the page after. */
const nextToken = (metadata: Metadata): string | null => (metadata.next ? new URL(metadata.next, location.href).searchParams.get('page_token') : null);

/** Every item of a paged list, following `metadata.next` (for searching all of them). */
async function everything<T>(path: string, token: string): Promise<Answer<List<T>>> {
  const first = await request<List<T>>(path, { token });
  if (!first.ok) return first;
  const data = [...first.body.data];
  let next = first.body.metadata.next;
  for (let pages = 0; next && pages < 100; pages++) {
    const page = await request<List<T>>(new URL(next, location.href).pathname + new URL(next, location.href).search, { token });
    if (!page.ok) return page;
    data.push(...page.body.data);
    next = page.body.metadata.next;
  }
  return { ...first, body: { data, metadata: first.body.metadata } };
}

function Organizations({ session, refresh, onOpen }: { session: Session; refresh: number; onOpen: (id: string) => void }) {
  const [tokens, setTokens] = useState<Array<string | null>>([null]);
  const [search, setSearch] = useState('');
  const [answer, setAnswer] = useState<Answer<List<Organization>> | null>(null);
  const pageToken = tokens[tokens.length - 1] ?? null;

  useEffect(() => {
    let live = true;
    const load = async () => {
      const term = search.trim().toLowerCase();
      if (term !== '') {
        const all = await everything<Organization>(`/partner/v2/organizations?page_size=100`, session.token);
        if (!live) return;
        if (all.ok) all.body.data = all.body.data.filter((o) => o.name.toLowerCase().includes(term) || o.id.includes(term));
        setAnswer(all);
        return;
      }
      const query = new URLSearchParams({ page_size: String(PAGE_SIZE) });
      if (pageToken) query.set('page_token', pageToken);
      const page = await request<List<Organization>>(`/partner/v2/organizations?${query}`, { token: session.token });
      if (live) setAnswer(page);
    };
    void load();
    return () => {
      live = false;
    };
  }, [session.token, pageToken, search, refresh]);

  const next = answer?.ok && search.trim() === '' ? nextToken(answer.body.metadata) : null;
  return (
    <Panel
      title="Organizations"
      actions={
        <input
          type="search"
          placeholder="Search by name or id"
          aria-label="Search organizations"
          value={search}
          onInput={(e) => {
            setSearch((e.target as HTMLInputElement).value);
            setTokens([null]);
          }}
        />
      }
    >
      {answer && !answer.ok && <ApiErrorView answer={answer} />}
      {answer?.ok && (
        <>
          <p class="muted">
            {answer.body.metadata.total_size ?? answer.body.data.length} organization(s){search.trim() !== '' ? ` matching “${search.trim()}”` : ''}
          </p>
          <table class="list" data-testid="organizations">
            <thead>
              <tr>
                <th>Name</th>
                <th>Id</th>
                <th class="wide">SSO</th>
                <th class="wide">Created</th>
              </tr>
            </thead>
            <tbody>
              {answer.body.data.map((org) => (
                <tr key={org.id}>
                  <td>
                    <a
                      href={`#/partner/organizations/${org.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(org.id);
                      }}
                    >
                      {org.name}
                    </a>
                  </td>
                  <td class="mono">{org.id}</td>
                  <td class="wide">{org.sso_config?.kind ?? '—'}</td>
                  <td class="wide">{formatTime(org.metadata.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="pager">
            <button type="button" disabled={tokens.length <= 1} onClick={() => setTokens(tokens.slice(0, -1))}>
              ← Previous
            </button>
            <span>Page {tokens.length}</span>
            <button type="button" disabled={!next} onClick={() => next && setTokens([...tokens, next])}>
              Next →
            </button>
          </div>
        </>
      )}
    </Panel>
  );
}

function EntitlementTable({ items }: { items: Entitlement[] }) {
  return (
    <table class="list" data-testid="entitlements">
      <thead>
        <tr>
          <th>Name</th>
          <th>External id</th>
          <th>Plan / product</th>
          <th class="wide">Organization</th>
          <th class="wide">Created</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td>
              {e.name}
              <div class="mono muted">{e.id}</div>
            </td>
            <td class="mono">{e.external_id}</td>
            <td>
              {e.plan_id}
              <div class="muted">{e.product_id}</div>
            </td>
            <td class="mono wide">{e.organization?.id ?? '—'}</td>
            <td class="wide">{formatTime(e.metadata.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UserTable({ items }: { items: OrganizationUser[] }) {
  if (items.length === 0) return <p class="muted" data-testid="users">No users yet.</p>;
  return (
    <table class="list" data-testid="users">
      <thead>
        <tr>
          <th>Name</th>
          <th>Email</th>
          <th class="wide">Id</th>
          <th class="wide">Added</th>
        </tr>
      </thead>
      <tbody>
        {items.map((u) => (
          <tr key={u.id}>
            <td>
              {u.given_name} {u.family_name}
            </td>
            <td class="mono">{u.email}</td>
            <td class="mono wide">{u.id}</td>
            <td class="wide">{formatTime(u.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OrganizationDetail({ session, id, onClose }: { session: Session; id: string; onClose: () => void }) {
  const [org, setOrg] = useState<Answer<Organization> | null>(null);
  const [entitlements, setEntitlements] = useState<Answer<List<Entitlement>> | null>(null);
  const [users, setUsers] = useState<Answer<OrganizationUserList> | null>(null);
  useEffect(() => {
    void request<Organization>(`/partner/v2/organizations/${encodeURIComponent(id)}`, { token: session.token }).then(setOrg);
    void request<OrganizationUserList>(`/_signups/v1/partner/organizations/${encodeURIComponent(id)}/users`, { token: session.token }).then(setUsers);
    void everything<Entitlement>(`/partner/v2/entitlements?organization.id=${encodeURIComponent(id)}&page_size=100`, session.token).then(setEntitlements);
  }, [id, session.token]);
  return (
    <Panel
      title={org?.ok ? org.body.name : 'Organization'}
      actions={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {org && !org.ok && <ApiErrorView answer={org} />}
      {org?.ok && (
        <dl class="facts">
          <dt>Id</dt>
          <dd class="mono">{org.body.id}</dd>
          <dt>SSO</dt>
          <dd>
            {org.body.sso_config?.kind ?? '—'} {org.body.sso_config?.tenant_id && <span class="mono">{org.body.sso_config.tenant_id}</span>}
          </dd>
          <dt>SSO URL</dt>
          <dd class="mono">{org.body.sso_url ?? '—'}</dd>
          <dt>Created</dt>
          <dd>{formatTime(org.body.metadata.created_at)}</dd>
          <dt>Signup</dt>
          <dd data-testid="signup-state">
            {users?.ok ? (
              <>
                <Badge value={users.body.signup_complete ? 'Complete' : 'Incomplete'} />{' '}
                <span class="muted">{users.body.signup_complete ? formatTime(users.body.completed_at) : 'waiting for activation with a first user'}</span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </dl>
      )}
      <h3>Users</h3>
      {users && !users.ok && <ApiErrorView answer={users} />}
      {users?.ok && <UserTable items={users.body.data} />}
      <h3>Entitlements</h3>
      {entitlements && !entitlements.ok && <ApiErrorView answer={entitlements} />}
      {entitlements?.ok && <EntitlementTable items={entitlements.body.data} />}
    </Panel>
  );
}

function Entitlements({ session, refresh }: { session: Session; refresh: number }) {
  const [answer, setAnswer] = useState<Answer<List<Entitlement>> | null>(null);
  useEffect(() => {
    void everything<Entitlement>('/partner/v2/entitlements?page_size=100', session.token).then(setAnswer);
  }, [session.token, refresh]);
  return (
    <Panel title="Entitlements">
      {answer && !answer.ok && <ApiErrorView answer={answer} />}
      {answer?.ok && <EntitlementTable items={answer.body.data} />}
    </Panel>
  );
}

const field = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();

function SignupForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const [result, setResult] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const dryRun = form.get('dry_run') === 'on';
    const body: Record<string, unknown> = {
      organization: { name: field(form, 'org_name'), sso_config: { kind: 'AzureSSOConfig', tenant_id: field(form, 'sso_tenant') } },
      entitlement: {
        external_id: field(form, 'external_id'),
        name: field(form, 'ent_name'),
        plan_id: field(form, 'plan_id'),
        product_id: field(form, 'product_id'),
      },
    };
    if (field(form, 'email') !== '') body.user = { given_name: field(form, 'given_name'), family_name: field(form, 'family_name'), email: field(form, 'email') };
    setBusy(true);
    const answer = await request(`/partner/v2/signup${dryRun ? '?dry_run=true' : ''}`, { method: 'POST', token: session.token, json: body });
    setBusy(false);
    setResult(answer);
    if (answer.ok && !dryRun) onDone();
  };
  return (
    <Panel title="Sign a customer up">
      <form class="form" onSubmit={submit} data-testid="signup-form">
        <fieldset>
          <legend>Organization</legend>
          <label>
            Name <input name="org_name" required placeholder="Acme Organization" />
          </label>
          <label>
            Azure AD tenant id (SSO) <input name="sso_tenant" required placeholder="b3a17773-05cc-4431-9560-433fb4613da8" />
          </label>
        </fieldset>
        <fieldset>
          <legend>Entitlement</legend>
          <label>
            External id <input name="external_id" required placeholder="1111-2222-3333-4444" />
          </label>
          <label>
            Name <input name="ent_name" required placeholder="Acme Prod Entitlement" />
          </label>
          <label>
            Plan id <input name="plan_id" required value="confluent-cloud-payg-prod" />
          </label>
          <label>
            Product id <input name="product_id" required value="confluent-cloud-kafka-service-azure" />
          </label>
        </fieldset>
        <fieldset>
          <legend>First user (optional: without one the signup is incomplete)</legend>
          <label>
            Given name <input name="given_name" />
          </label>
          <label>
            Family name <input name="family_name" />
          </label>
          <label>
            Email <input name="email" type="email" />
          </label>
        </fieldset>
        <label class="check">
          <input type="checkbox" name="dry_run" /> Dry run (check everything, write nothing)
        </label>
        <button type="submit" disabled={busy}>
          Sign up
        </button>
      </form>
      {result && (result.ok ? <Result answer={result} /> : <ApiErrorView answer={result} />)}
    </Panel>
  );
}

function Result({ answer }: { answer: Answer }) {
  return (
    <div class="result" role="status">
      <strong>
        {answer.status} {answer.statusText}
      </strong>
      {answer.text !== '' && <Json value={answer.body} />}
    </div>
  );
}

function ActivateForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const [result, setResult] = useState<Answer | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const answer = await request('/partner/v2/signup/activate', {
      method: 'POST',
      token: session.token,
      json: {
        organization_id: field(form, 'organization_id'),
        user: { given_name: field(form, 'given_name'), family_name: field(form, 'family_name'), email: field(form, 'email') },
      },
    });
    setResult(answer);
    if (answer.ok) onDone();
  };
  return (
    <Panel title="Activate an incomplete signup">
      <form class="form" onSubmit={submit} data-testid="activate-form">
        <label>
          Organization id <input name="organization_id" required />
        </label>
        <label>
          Given name <input name="given_name" required />
        </label>
        <label>
          Family name <input name="family_name" required />
        </label>
        <label>
          Email <input name="email" type="email" required />
        </label>
        <button type="submit">Activate</button>
      </form>
      {result && (result.ok ? <Result answer={result} /> : <ApiErrorView answer={result} />)}
    </Panel>
  );
}

export function PartnerView({ session, page, detail, go }: { session: Session; page: string; detail: string | undefined; go: (hash: string) => void }) {
  const [refresh, setRefresh] = useState(0);
  const done = () => setRefresh((n) => n + 1);
  if (page === 'entitlements') return <Entitlements session={session} refresh={refresh} />;
  if (page === 'signup')
    return (
      <div class="columns">
        <SignupForm session={session} onDone={done} />
        <ActivateForm session={session} onDone={done} />
      </div>
    );
  return (
    <div class="stack">
      {detail && <OrganizationDetail session={session} id={detail} onClose={() => go('#/partner/organizations')} />}
      <Organizations session={session} refresh={refresh} onOpen={(id) => go(`#/partner/organizations/${id}`)} />
    </div>
  );
}

export { Badge };
