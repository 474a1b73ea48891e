import { readFileSync, writeFileSync } from 'node:fs';
import { type ClockMoved, type ClockView, clientCredentials, SandboxAdmin, type Snapshot, type TokenSource } from '../sandbox/admin-client.js';
import type { FaultInput } from '../sandbox/faults.js';

const DEFAULT_SERVER = 'http://127.0.0.1:8080';

/** How `signups admin` reaches a sandbox server: as `exec` does, with a client holding `signups:admin`. */
export interface AdminFlags {
  server?: string;
  clientId?: string;
  clientSecret?: string;
  token?: string;
  output?: string;
}

function adminFrom(flags: AdminFlags): SandboxAdmin {
  const env = process.env;
  const server = flags.server ?? env.SIGNUPS_SERVER ?? DEFAULT_SERVER;
  const clientId = flags.clientId ?? env.SIGNUPS_CLIENT_ID;
  const clientSecret = flags.clientSecret ?? env.SIGNUPS_CLIENT_SECRET;
  let source: TokenSource;
  if (flags.token) {
    const token = flags.token;
    source = async () => token;
  } else if (clientId && clientSecret) {
    source = clientCredentials(server, clientId, clientSecret);
  } else {
    throw new Error('give --client-id and --client-secret of a client with the scope signups:admin (env SIGNUPS_CLIENT_ID, SIGNUPS_CLIENT_SECRET), or --token');
  }
  return new SandboxAdmin(server, source);
}

const print = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
const json = (value: unknown): void => print(JSON.stringify(value, null, 2));

/** Rows as aligned columns under a header. */
function table(columns: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cells = rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns), ...cells.map(line)].join('\n');
}

function positiveInt(name: string, text: string | undefined, min = 1): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, not '${text}'`);
  return n;
}

export interface ClockFlags extends AdminFlags {
  advance?: string;
  set?: string;
  freeze?: boolean;
  resume?: boolean;
}

/** `signups admin clock [--advance 25h | --set ISO] [--freeze | --resume]` */
export async function adminClock(flags: ClockFlags): Promise<void> {
  if (flags.advance !== undefined && flags.set !== undefined) throw new Error('give either --advance or --set, not both');
  if (flags.freeze && flags.resume) throw new Error('give either --freeze or --resume, not both');
  const admin = adminFrom(flags);
  let state: ClockView | ClockMoved | undefined;
  if (flags.advance !== undefined) state = await admin.advance(flags.advance);
  else if (flags.set !== undefined) state = await admin.setClock(flags.set);
  if (flags.freeze) state = await admin.freeze();
  else if (flags.resume) state = await admin.resume();
  state ??= await admin.clock();
  if (flags.output === 'json') return json(state);
  print(`${state.now}${state.frozen ? ' (frozen)' : ''}`);
  if ('work' in state) {
    const { jobs, expired, removed, purged } = state.work;
    print(`background work run: ${jobs} job(s), ${expired} signup(s) expired, ${removed} removed, ${purged} change record(s) purged`);
  }
}

export interface ResetFlags extends AdminFlags {
  clients?: boolean;
  namespaces?: boolean;
}

/** `signups admin reset [--clients] [--namespaces]` */
export async function adminReset(flags: ResetFlags): Promise<void> {
  const result = await adminFrom(flags).reset({ clients: flags.clients === true, namespaces: flags.namespaces === true });
  if (flags.output === 'json') return json(result);
  const removed = Object.entries(result.removed).filter(([, n]) => n > 0);
  print(removed.length === 0 ? 'nothing to remove' : `removed ${removed.map(([table, n]) => `${n} ${table}`).join(', ')}`);
}

export interface SnapshotFlags extends AdminFlags {
  out?: string;
  restore?: string;
}

/** `signups admin snapshot [--out FILE]` or `signups admin snapshot --restore FILE` */
export async function adminSnapshot(flags: SnapshotFlags): Promise<void> {
  const admin = adminFrom(flags);
  if (flags.restore) {
    if (flags.out) throw new Error('give either --out or --restore, not both');
    const snapshot = JSON.parse(readFileSync(flags.restore, 'utf8')) as Snapshot;
    const result = await admin.restore(snapshot);
    if (flags.output === 'json') return json(result);
    const rows = Object.values(result.restored).reduce((a, b) => a + b, 0);
    return print(`restored ${rows} row(s) in ${Object.keys(result.restored).length} table(s); the clock is ${result.clock.now}${result.clock.frozen ? ' (frozen)' : ''}`);
  }
  const text = JSON.stringify(await admin.snapshot(), null, 2);
  if (!flags.out) return print(text);
  writeFileSync(flags.out, `${text}\n`);
  process.stderr.write(`snapshot written to ${flags.out}\n`);
}

export interface RequestsFlags extends AdminFlags {
  operation?: string;
  status?: string;
  client?: string;
  limit?: string;
  clear?: boolean;
}

/** `signups admin requests [--operation ID] [--status N] [--client ID] [--limit N] [-o json]` or `--clear` */
export async function adminRequests(flags: RequestsFlags): Promise<void> {
  const admin = adminFrom(flags);
  if (flags.clear) {
    await admin.clearRequests();
    return print('the journal is empty');
  }
  const limit = positiveInt('--limit', flags.limit);
  const status = positiveInt('--status', flags.status, 100);
  const entries = await admin.requests({
    ...(flags.operation ? { operationId: flags.operation } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(flags.client ? { clientId: flags.client } : {}),
    ...(limit !== undefined ? { limit } : {}),
  });
  if (flags.output === 'json') return json(entries);
  print(
    table(
      ['time', 'method', 'path', 'operation', 'status', 'ms', 'client', 'fault'],
      entries.map((e) => [e.time, e.method, e.path, e.operationId, e.status, e.durationMs.toFixed(1), e.clientId, e.injectedFault]),
    ),
  );
}

export interface FaultFlags extends AdminFlags {
  operation?: string;
  method?: string;
  path?: string;
  client?: string;
  status?: string;
  delay?: string;
  probability?: string;
  seed?: string;
  times?: string;
}

/** `signups admin faults add --operation signup --status 503 [--times 2] ...` */
export async function adminFaultsAdd(flags: FaultFlags): Promise<void> {
  const input: FaultInput = {};
  if (flags.operation) input.operationId = flags.operation;
  if (flags.method) input.method = flags.method;
  if (flags.path) input.pathPattern = flags.path;
  if (flags.client) input.clientId = flags.client;
  const status = positiveInt('--status', flags.status, 400);
  if (status !== undefined) input.status = status;
  const delay = positiveInt('--delay', flags.delay, 0);
  if (delay !== undefined) input.delayMs = delay;
  if (flags.probability !== undefined) {
    const p = Number(flags.probability);
    if (!(p >= 0 && p <= 1)) throw new Error(`--probability must be between 0 and 1, not '${flags.probability}'`);
    input.probability = p;
  }
  const seed = positiveInt('--seed', flags.seed, 0);
  if (seed !== undefined) input.seed = seed;
  const times = positiveInt('--times', flags.times);
  if (times !== undefined) input.times = times;
  const fault = await adminFrom(flags).addFault(input);
  if (flags.output === 'json') return json(fault);
  print(fault.id);
}

/** `signups admin faults list [-o json]` */
export async function adminFaultsList(flags: AdminFlags): Promise<void> {
  const faults = await adminFrom(flags).faults();
  if (flags.output === 'json') return json(faults);
  print(
    table(
      ['id', 'operation', 'method', 'path', 'client', 'status', 'delayMs', 'probability', 'applied', 'remaining'],
      faults.map((f) => [f.id, f.operationId, f.method, f.pathPattern, f.clientId, f.status, f.delayMs, f.probability, f.applied, f.remaining ?? 'unlimited']),
    ),
  );
}

/** `signups admin faults remove ID` or `--all` */
export async function adminFaultsRemove(id: string | undefined, flags: AdminFlags & { all?: boolean }): Promise<void> {
  const admin = adminFrom(flags);
  if (flags.all) {
    if (id) throw new Error('give either a fault id or --all, not both');
    await admin.clearFaults();
    return print('no fault is active');
  }
  if (!id) throw new Error('give the id of the fault to remove (signups admin faults list), or --all');
  await admin.removeFault(id);
  print(`removed ${id}`);
}
