import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Answer, request, type Session } from './api';
import { LineChart, type Series } from './chart';
import { ApiErrorView, Badge, formatTime, Json, Panel } from './components';

interface Stream {
  Id: string;
  TypeId: string;
  Name?: string | null;
  Description?: string | null;
  CreatedDate?: string;
}
interface SdsType {
  Id: string;
  Properties: Array<{ Id: string; IsKey?: boolean }>;
}
interface Signup {
  id: string;
  name: string | null;
  signupState: string;
  type: string;
  createdDate: string;
  lastAccessedDate: string;
  expiredDate: string | null;
  communityId: string | null;
  bookmark?: string;
}
interface Resource {
  resourceId: string;
  isAccessible: boolean;
}
interface Update {
  resourceId: string;
  operation: string;
  events: unknown[];
}
interface FeedEntry extends Update {
  receivedAt: string;
  key: number;
}

const NAMESPACE_KEY = 'signups-console-namespace';
const POINTS = 200;

function useNamespaceBase(session: Session, namespace: string): string {
  return `/api/v1/tenants/${encodeURIComponent(session.tenantId ?? '')}/namespaces/${encodeURIComponent(namespace)}`;
}

/** The numeric properties of a stream's recent events, over its key (a time axis when the key is a date-time). */
function chartOf(type: SdsType | undefined, events: Array<Record<string, unknown>>): { x: number[]; series: Series[]; time: boolean } | null {
  if (events.length === 0) return null;
  const key = type?.Properties.find((p) => p.IsKey)?.Id ?? Object.keys(events[0] ?? {})[0];
  if (!key) return null;
  const first = events[0]?.[key];
  const time = typeof first === 'string' && !Number.isNaN(Date.parse(first));
  const x = events.map((e, i) => {
    const k = e[key];
    if (time && typeof k === 'string') return Date.parse(k) / 1000;
    return typeof k === 'number' ? k : i;
  });
  const names = (type?.Properties.map((p) => p.Id) ?? Object.keys(events[0] ?? {})).filter((n) => n !== key && events.some((e) => typeof e[n] === 'number'));
  if (names.length === 0) return null;
  return { x, time, series: names.map((n) => ({ label: n, values: events.map((e) => (typeof e[n] === 'number' ? (e[n] as number) : null)) })) };
}

function StreamChart({ session, base, stream }: { session: Session; base: string; stream: Stream }) {
  const [type, setType] = useState<Answer<SdsType> | null>(null);
  const [data, setData] = useState<Answer<Array<Record<string, unknown>>> | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void request<SdsType>(`${base}/types/${encodeURIComponent(stream.TypeId)}`, { token: session.token }).then(setType);
  }, [base, stream.TypeId, session.token]);
  useEffect(() => {
    void request<Array<Record<string, unknown>>>(`${base}/streams/${encodeURIComponent(stream.Id)}/data?count=250000`, { token: session.token }).then(setData);
  }, [base, stream.Id, session.token, tick]);
  const chart = useMemo(() => (data?.ok ? chartOf(type?.ok ? type.body : undefined, data.body.slice(-POINTS)) : null), [type, data]);
  return (
    <div class="stream-chart" data-testid={`chart-${stream.Id}`}>
      <div class="row">
        <strong>{stream.Id}</strong>
        <span class="muted">type {stream.TypeId}</span>
        <button type="button" onClick={() => setTick((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {data && !data.ok && <ApiErrorView answer={data} />}
      {data?.ok && (chart ? <LineChart x={chart.x} series={chart.series} time={chart.time} /> : <p class="muted">No numeric values yet.</p>)}
      {data?.ok && <p class="muted">{Math.min(data.body.length, POINTS)} most recent of {data.body.length} event(s)</p>}
    </div>
  );
}

function Streams({ session, base }: { session: Session; base: string }) {
  const [answer, setAnswer] = useState<Answer<Stream[]> | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    void request<Stream[]>(`${base}/streams`, { token: session.token }).then((a) => {
      setAnswer(a);
      if (a.ok && a.body[0]) setOpen((current) => current ?? a.body[0]?.Id ?? null);
    });
  }, [base, session.token]);
  const selected = answer?.ok ? answer.body.find((s) => s.Id === open) : undefined;
  return (
    <Panel title="Streams">
      {answer && !answer.ok && <ApiErrorView answer={answer} />}
      {answer?.ok && answer.body.length === 0 && <p class="muted">No streams in this namespace yet.</p>}
      {answer?.ok && answer.body.length > 0 && (
        <>
          <ul class="chips" data-testid="streams">
            {answer.body.map((s) => (
              <li>
                <button type="button" class={s.Id === open ? 'chip active' : 'chip'} onClick={() => setOpen(s.Id)}>
                  {s.Id}
                </button>
              </li>
            ))}
          </ul>
          {selected && <StreamChart key={selected.Id} session={session} base={base} stream={selected} />}
        </>
      )}
    </Panel>
  );
}

function SignupResources({ session, base, id }: { session: Session; base: string; id: string }) {
  const [answer, setAnswer] = useState<Answer<{ resources: Resource[] }> | null>(null);
  useEffect(() => {
    void request<{ resources: Resource[] }>(`${base}/signups/${id}/resources?resourceFilter=All&count=1000`, { token: session.token }).then(setAnswer);
  }, [base, id, session.token]);
  if (!answer) return <span class="muted">…</span>;
  if (!answer.ok) return <ApiErrorView answer={answer} />;
  return (
    <ul class="resources">
      {answer.body.resources.map((r) => (
        <li class={r.isAccessible ? 'accessible' : 'inaccessible'}>
          {r.resourceId} <span class="muted">{r.isAccessible ? 'accessible' : 'inaccessible'}</span>
        </li>
      ))}
    </ul>
  );
}

function Signups({ session, base, refresh, onWatch, watching }: { session: Session; base: string; refresh: number; onWatch: (id: string) => void; watching: string | null }) {
  const [answer, setAnswer] = useState<Answer<{ signups: Signup[] }> | null>(null);
  useEffect(() => {
    void request<{ signups: Signup[] }>(`${base}/signups?skip=0&count=1000`, { token: session.token }).then(setAnswer);
  }, [base, session.token, refresh]);
  return (
    <Panel title="Change Broker signups">
      {answer && !answer.ok && <ApiErrorView answer={answer} />}
      {answer?.ok && answer.body.signups.length === 0 && <p class="muted">No signups of this client in this namespace.</p>}
      {answer?.ok && answer.body.signups.length > 0 && (
        <table class="list" data-testid="cb-signups">
          <thead>
            <tr>
              <th>Name</th>
              <th>State</th>
              <th>Resources</th>
              <th class="wide">Last accessed</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {answer.body.signups.map((s) => (
              <tr key={s.id} data-signup={s.id}>
                <td>
                  {s.name ?? '(no name)'}
                  <div class="mono muted">{s.id}</div>
                  {s.communityId && <div class="muted">community {s.communityId}</div>}
                </td>
                <td>
                  <Badge value={s.signupState} />
                  {s.expiredDate && <div class="muted">since {formatTime(s.expiredDate)}</div>}
                </td>
                <td>
                  <SignupResources session={session} base={base} id={s.id} />
                </td>
                <td class="wide">{formatTime(s.lastAccessedDate)}</td>
                <td>
                  <button type="button" disabled={s.signupState !== 'Active' || watching === s.id} onClick={() => onWatch(s.id)}>
                    {watching === s.id ? 'Watching' : 'Live feed'}
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

type FeedMode = 'stream' | 'polling';

/** Reads a Server-Sent Events body: calls `onEvent` for each event, and `onId` for every id (heartbeats carry one too). */
async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: string, data: string) => void, onId: (id: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        else if (line.startsWith('id:')) onId(line.slice(3).trim());
      }
      if (data.length > 0) onEvent(event, data.join('\n'));
    }
  }
}

/**
 * The signup's updates as they commit: over the live updates stream (Server-Sent Events, read with fetch so that
 * the token goes in a header, resuming with Last-Event-ID), or, where a server has no stream, by polling Get Updates
 * with the bookmark it was last given, as a Change Broker consumer does.
 */
function LiveFeed({ session, base, id }: { session: Session; base: string; id: string }) {
  const [entries, setEntries] = useState<FeedEntry[]>([]);
  const [error, setError] = useState<Answer | null>(null);
  const [mode, setMode] = useState<FeedMode | null>(null);
  const [reads, setReads] = useState(0);
  const counter = useRef(0);
  useEffect(() => {
    const abort = new AbortController();
    let timer: number | undefined;
    setEntries([]);
    setError(null);
    setMode(null);
    const add = (updates: Update[]) => {
      if (updates.length === 0) return;
      const receivedAt = new Date().toISOString();
      const fresh = updates.map((u) => ({ ...u, receivedAt, key: counter.current++ })).reverse();
      setEntries((old) => [...fresh, ...old].slice(0, 200));
    };
    const run = async () => {
      const signup = await request<Signup>(`${base}/signups/${id}`, { token: session.token });
      if (abort.signal.aborted) return;
      if (!signup.ok || !signup.body.bookmark) {
        setError(signup);
        return;
      }
      let bookmark = signup.body.bookmark;

      const stream = async (): Promise<boolean> => {
        for (let attempt = 0; !abort.signal.aborted; attempt++) {
          let res: Response;
          try {
            res = await fetch(`${base}/signups/${id}/updates/stream?bookmark=${encodeURIComponent(bookmark)}`, {
              headers: { authorization: `Bearer ${session.token}`, accept: 'text/event-stream', 'last-event-id': bookmark },
              signal: abort.signal,
            });
          } catch {
            if (abort.signal.aborted) return true;
            await new Promise((r) => setTimeout(r, Math.min(5000, 500 * 2 ** attempt)));
            continue;
          }
          if (res.status === 404 && attempt === 0) return false;
          if (!res.ok || !res.body) {
            const text = await res.text();
            setError({ ok: false, status: res.status, statusText: res.statusText, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : text, text });
            return true;
          }
          setMode('stream');
          setError(null);
          attempt = -1;
          try {
            await readEvents(
              res.body,
              (event, data) => {
                if (event === 'update') {
                  add([JSON.parse(data) as Update]);
                  setReads((n) => n + 1);
                } else if (event === 'error') {
                  setError({ ok: false, status: 0, statusText: 'Stream ended', headers: new Headers(), body: JSON.parse(data) as unknown, text: data });
                }
              },
              (lastId) => {
                bookmark = lastId;
              },
            );
          } catch {
            // The connection dropped: reconnect from the last event id, as EventSource would.
          }
        }
        return true;
      };

      const poll = async () => {
        if (abort.signal.aborted) return;
        const page = await request<{ data: Update[]; bookmark: string }>(`${base}/signups/${id}/updates?bookmark=${encodeURIComponent(bookmark)}`, { token: session.token });
        if (abort.signal.aborted) return;
        if (!page.ok) {
          setError(page);
          return;
        }
        setError(null);
        bookmark = page.body.bookmark;
        setReads((n) => n + 1);
        add(page.body.data);
        // Something came: more may be waiting, so ask again at once.
        timer = window.setTimeout(() => void poll(), page.body.data.length > 0 ? 0 : 400);
      };

      if (await stream()) return;
      setMode('polling');
      await poll();
    };
    void run();
    return () => {
      abort.abort();
      window.clearTimeout(timer);
    };
  }, [base, id, session.token]);
  const status = mode === 'stream' ? `live stream (Server-Sent Events) · ${reads} update(s)` : mode === 'polling' ? `polling with the bookmark · ${reads} poll(s)` : 'connecting…';
  return (
    <Panel title="Live feed" actions={<span class="muted" data-testid="feed-status">{status}</span>}>
      {error && <ApiErrorView answer={error} />}
      {entries.length === 0 && !error && <p class="muted">Waiting for writes to the signup's streams…</p>}
      <ol class="feed" data-testid="feed">
        {entries.map((e) => (
          <li key={e.key}>
            <div class="row">
              <Badge value={e.operation} />
              <strong>{e.resourceId}</strong>
              <span class="muted">{new Date(e.receivedAt).toLocaleTimeString()}</span>
            </div>
            <Json value={e.events} />
          </li>
        ))}
      </ol>
    </Panel>
  );
}

export function TenantView({ session, page }: { session: Session; page: string }) {
  const [namespace, setNamespace] = useState(() => localStorage.getItem(NAMESPACE_KEY) ?? '');
  const [draft, setDraft] = useState(namespace);
  const [watching, setWatching] = useState<string | null>(null);
  const base = useNamespaceBase(session, namespace);
  const choose = (event: Event) => {
    event.preventDefault();
    const value = draft.trim();
    localStorage.setItem(NAMESPACE_KEY, value);
    setNamespace(value);
    setWatching(null);
  };
  return (
    <div class="stack">
      <form class="namespace-bar" onSubmit={choose}>
        <span>
          Tenant <span class="mono">{session.tenantId}</span>
        </span>
        <label>
          Namespace <input name="namespace" value={draft} required onInput={(e) => setDraft((e.target as HTMLInputElement).value)} placeholder="plant-data" />
        </label>
        <button type="submit">Open</button>
      </form>
      {namespace === '' && <p class="muted">Name the namespace to look into (namespaces are created with <code>npx signups namespaces create</code>).</p>}
      {namespace !== '' && page === 'streams' && <Streams key={base} session={session} base={base} />}
      {namespace !== '' && page !== 'streams' && (
        <>
          <Signups session={session} base={base} refresh={0} onWatch={setWatching} watching={watching} />
          {watching && <LiveFeed key={watching} session={session} base={base} id={watching} />}
        </>
      )}
    </div>
  );
}
