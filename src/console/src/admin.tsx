import { useEffect, useState } from 'preact/hooks';
import { type Answer, request, type Session } from './api';
import type { Fault, JournalEntry } from '../../sandbox/wire';
import { ApiErrorView, formatTime, Json, Panel } from './components';

interface ClockState {
  now: string;
  frozen: boolean;
}

const SANDBOX = '/_signups/v1';

function Journal({ session }: { session: Session }) {
  const [filters, setFilters] = useState({ operationId: '', status: '', clientId: '' });
  const [answer, setAnswer] = useState<Answer<{ requests: JournalEntry[]; size: number; capacity: number }> | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const query = new URLSearchParams({ limit: '100' });
    for (const [k, v] of Object.entries(filters)) if (v.trim() !== '') query.set(k, v.trim());
    void request<{ requests: JournalEntry[]; size: number; capacity: number }>(`${SANDBOX}/requests?${query}`, { token: session.token }).then(setAnswer);
  }, [session.token, filters, tick]);
  const input = (name: keyof typeof filters, label: string) => (
    <label>
      {label}
      <input name={name} value={filters[name]} onInput={(e) => setFilters({ ...filters, [name]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <Panel
      title="Request journal"
      actions={
        <button type="button" onClick={() => setTick((n) => n + 1)}>
          Refresh
        </button>
      }
    >
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {input('operationId', 'Operation')}
        {input('status', 'Status')}
        {input('clientId', 'Client id')}
      </form>
      {answer && !answer.ok && <ApiErrorView answer={answer} />}
      {answer?.ok && (
        <>
          <p class="muted">
            {answer.body.requests.length} shown · {answer.body.size} kept of at most {answer.body.capacity}
          </p>
          <table class="list" data-testid="journal">
            <thead>
              <tr>
                <th>Time</th>
                <th>Request</th>
                <th>Operation</th>
                <th>Status</th>
                <th class="wide">ms</th>
                <th class="wide">Client</th>
              </tr>
            </thead>
            <tbody>
              {answer.body.requests.map((r) => (
                <>
                  <tr key={r.requestId} class="clickable" onClick={() => setOpen(open === r.requestId ? null : r.requestId)}>
                    <td>{new Date(r.time).toLocaleTimeString()}</td>
                    <td class="mono">
                      {r.method} {r.path}
                    </td>
                    <td>{r.operationId ?? '—'}</td>
                    <td class={r.status >= 400 ? 'bad' : 'good'}>
                      {r.status}
                      {r.injectedFault && <span class="muted"> (fault)</span>}
                    </td>
                    <td class="wide">{r.durationMs.toFixed(1)}</td>
                    <td class="mono wide">{r.clientId ?? '—'}</td>
                  </tr>
                  {open === r.requestId && (
                    <tr>
                      <td colSpan={6}>
                        <div class="columns">
                          <div>
                            <h4>Request body</h4>
                            <Json value={r.requestBody} />
                          </div>
                          <div>
                            <h4>Response body</h4>
                            <Json value={r.responseBody} />
                          </div>
                        </div>
                      </td>
                    </tr>
                  )}
                </>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

function Clock({ session }: { session: Session }) {
  const [state, setState] = useState<Answer<ClockState> | null>(null);
  const [result, setResult] = useState<Answer | null>(null);
  const [advance, setAdvance] = useState('3600');
  const load = () => void request<ClockState>(`${SANDBOX}/clock`, { token: session.token }).then(setState);
  useEffect(load, [session.token]);
  const move = async (json: Record<string, unknown>) => {
    const answer = await request<ClockState>(`${SANDBOX}/clock`, { method: 'POST', token: session.token, json });
    setResult(answer);
    if (answer.ok) setState(answer);
  };
  return (
    <Panel title="Clock">
      {state && !state.ok && <ApiErrorView answer={state} />}
      {state?.ok && (
        <p class="clock" data-testid="clock">
          <strong>{formatTime(state.body.now)}</strong> <span class="mono muted">{state.body.now}</span> {state.body.frozen ? '· frozen' : '· running'}
        </p>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void move({ advanceSeconds: Number(advance) });
        }}
      >
        <label>
          Advance by (seconds) <input name="advanceSeconds" type="number" min="1" value={advance} onInput={(e) => setAdvance((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">Advance</button>
        <button type="button" onClick={() => void move({ advanceSeconds: 25 * 3600 })}>
          +25 h
        </button>
        <button type="button" onClick={() => void move({ frozen: !(state?.ok && state.body.frozen) })}>
          {state?.ok && state.body.frozen ? 'Resume' : 'Freeze'}
        </button>
      </form>
      {result && (result.ok ? <Json value={result.body} /> : <ApiErrorView answer={result} />)}
    </Panel>
  );
}

function Faults({ session }: { session: Session }) {
  const [list, setList] = useState<Answer<{ faults: Fault[] }> | null>(null);
  const [result, setResult] = useState<Answer | null>(null);
  const load = () => void request<{ faults: Fault[] }>(`${SANDBOX}/faults`, { token: session.token }).then(setList);
  useEffect(load, [session.token]);
  const add = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const json: Record<string, unknown> = {};
    for (const name of ['operationId', 'method', 'pathPattern', 'clientId']) {
      const v = String(form.get(name) ?? '').trim();
      if (v !== '') json[name] = v;
    }
    for (const name of ['status', 'delayMs', 'probability', 'times']) {
      const v = String(form.get(name) ?? '').trim();
      if (v !== '') json[name] = Number(v);
    }
    const answer = await request(`${SANDBOX}/faults`, { method: 'POST', token: session.token, json });
    setResult(answer);
    load();
  };
  const remove = async (id: string) => {
    setResult(await request(`${SANDBOX}/faults/${id}`, { method: 'DELETE', token: session.token }));
    load();
  };
  return (
    <Panel title="Faults">
      <form class="form grid" onSubmit={add} data-testid="fault-form">
        <label>
          Operation id <input name="operationId" placeholder="signup" />
        </label>
        <label>
          Method <input name="method" placeholder="POST" />
        </label>
        <label>
          Path pattern <input name="pathPattern" placeholder="/partner/v2/*" />
        </label>
        <label>
          Client id <input name="clientId" />
        </label>
        <label>
          Status <input name="status" type="number" placeholder="503" />
        </label>
        <label>
          Delay (ms) <input name="delayMs" type="number" />
        </label>
        <label>
          Probability <input name="probability" type="number" step="0.01" min="0" max="1" placeholder="1" />
        </label>
        <label>
          Times <input name="times" type="number" min="1" />
        </label>
        <button type="submit">Add fault</button>
      </form>
      {result && !result.ok && <ApiErrorView answer={result} />}
      {list && !list.ok && <ApiErrorView answer={list} />}
      {list?.ok && (
        <table class="list" data-testid="faults">
          <thead>
            <tr>
              <th>Matches</th>
              <th>Answer</th>
              <th>Applied</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.body.faults.map((f) => (
              <tr key={f.id}>
                <td>
                  {[f.operationId, f.method, f.pathPattern, f.clientId].filter(Boolean).join(' · ') || 'every request'}
                  <div class="muted">p={f.probability}</div>
                </td>
                <td>
                  {f.status ?? '—'}
                  {f.delayMs ? ` after ${f.delayMs} ms` : ''}
                </td>
                <td>
                  {f.applied}
                  {f.remaining != null ? ` (${f.remaining} left)` : ''}
                </td>
                <td>
                  <button type="button" onClick={() => void remove(f.id)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function State({ session }: { session: Session }) {
  const [result, setResult] = useState<Answer | null>(null);
  const reset = async (clients: boolean) => {
    if (!confirm(clients ? 'Remove all data and every client (yours too)?' : 'Remove all partner, SDS and Change Broker data?')) return;
    setResult(await request(`${SANDBOX}/reset`, { method: 'POST', token: session.token, json: clients ? { clients: true } : {} }));
  };
  const download = async () => {
    const answer = await request(`${SANDBOX}/snapshot`, { token: session.token });
    setResult(answer.ok ? null : answer);
    if (!answer.ok) return;
    const url = URL.createObjectURL(new Blob([answer.text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `signups-snapshot-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Panel title="State">
      <div class="row">
        <button type="button" onClick={() => void download()}>
          Download snapshot
        </button>
        <button type="button" class="danger" onClick={() => void reset(false)}>
          Reset data
        </button>
      </div>
      {result && (result.ok ? <Json value={result.body} /> : <ApiErrorView answer={result} />)}
    </Panel>
  );
}

export function AdminView({ session, page }: { session: Session; page: string }) {
  if (page === 'journal') return <Journal session={session} />;
  return (
    <div class="columns">
      <div class="stack">
        <Clock session={session} />
        <State session={session} />
      </div>
      <Faults session={session} />
    </div>
  );
}
