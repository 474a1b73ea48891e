import { createServer, type Server, type Socket } from 'node:net';
import { BackendError, type PostgresConnection } from 'pg-gateway';
import { fromNodeSocket } from 'pg-gateway/node';
import type { Row, Rows } from './evaluate.js';
import { hasCode, splitStatements } from './parser.js';
import { Runner, type RunnerOptions } from './runner.js';
import type { Result } from './session.js';
import { SqlError } from './sql-error.js';

/**
 * The SQL front end over the PostgreSQL wire protocol, as `stackql srv` serves it: psql, BI tools and any
 * PostgreSQL driver run the same statements as `signups exec`. pg-gateway does the connection's start-up, TLS
 * negotiation, password exchange and message framing; each message after that is read here with its reader and
 * answered with its writer. Both the simple query protocol and the extended one (Parse, Bind, Describe, Execute,
 * Sync) are served; values travel as text, columns typed from the rows (bool, int8, float8, json, text).
 */

export interface WireServerOptions {
  host: string;
  port: number;
  /** Everything `exec` takes but the output format. */
  runner: Omit<RunnerOptions, 'output'>;
  /** Where errors and the listening address are reported. */
  log?: (line: string) => void;
}

export interface WireServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

const SERVER_VERSION = '16.0 (Signups SQL)';

/** Frontend message codes (PostgreSQL protocol 3.0). */
const QUERY = 0x51; // Q
const PARSE = 0x50; // P
const BIND = 0x42; // B
const DESCRIBE = 0x44; // D
const EXECUTE = 0x45; // E
const SYNC = 0x53; // S
const FLUSH = 0x48; // H
const CLOSE = 0x43; // C
const TERMINATE = 0x58; // X

/** Backend message codes. */
const ROW_DESCRIPTION = 0x54; // T
const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C
const EMPTY_QUERY = 0x49; // I
const PARSE_COMPLETE = 0x31; // 1
const BIND_COMPLETE = 0x32; // 2
const CLOSE_COMPLETE = 0x33; // 3
const NO_DATA = 0x6e; // n
const PARAMETER_DESCRIPTION = 0x74; // t
const PORTAL_SUSPENDED = 0x73; // s

interface PgType {
  oid: number;
  size: number;
}
const TEXT: PgType = { oid: 25, size: -1 };
const BOOL: PgType = { oid: 16, size: 1 };
const INT8: PgType = { oid: 20, size: 8 };
const FLOAT8: PgType = { oid: 701, size: 8 };
const JSON_TYPE: PgType = { oid: 114, size: -1 };

/** A column's type from its values: one type that fits every non-null value, else text. */
function columnType(rows: readonly Row[], column: string): PgType {
  let type: PgType | undefined;
  for (const row of rows) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    let own: PgType;
    if (typeof value === 'boolean') own = BOOL;
    else if (typeof value === 'number') own = Number.isSafeInteger(value) ? INT8 : FLOAT8;
    else if (typeof value === 'object') own = JSON_TYPE;
    else own = TEXT;
    if (!type) type = own;
    else if (type !== own) {
      if ((type === INT8 && own === FLOAT8) || (type === FLOAT8 && own === INT8)) type = FLOAT8;
      else return TEXT;
    }
  }
  return type ?? TEXT;
}

/** A value in PostgreSQL's text format for its column's type. */
function textValue(value: unknown, type: PgType): string | null {
  if (value === null || value === undefined) return null;
  if (type === BOOL) return value ? 't' : 'f';
  if (typeof value === 'object' || type === JSON_TYPE) return JSON.stringify(value);
  return String(value);
}

/** A message answer (EXEC without a body, DELETE, INSERT) as a one-row table, as `-o json` shows it. */
function asRows(result: Result): Rows {
  return 'message' in result ? { columns: ['message'], rows: [{ message: result.message }] } : result;
}

/** PostgreSQL's error class for a failed statement, from what failed and the API's HTTP status. */
export function sqlState(error: unknown): string {
  if (!(error instanceof SqlError)) return 'XX000';
  switch (error.kind) {
    case 'syntax':
      return '42601'; // syntax_error
    case 'template':
      return '42P02'; // undefined_parameter
    case 'auth':
      return error.status === 401 || error.status === 400 ? '28P01' : '28000';
    case 'plan':
      return /\bnot found\b/.test(error.message) ? '42P01' : '42000';
    case 'api':
      switch (error.status) {
        case undefined:
          return '08006'; // connection_failure: the API could not be reached
        case 401:
          return '28000'; // invalid_authorization_specification
        case 403:
          return '42501'; // insufficient_privilege
        case 404:
          return '42704'; // undefined_object
        case 409:
          return '23505'; // unique_violation
        case 429:
          return '53400'; // configuration_limit_exceeded
        default:
          return error.status >= 500 ? '58000' : '22023'; // system_error; invalid_parameter_value
      }
  }
}

/** `$1`, `$2`… outside quotes replaced by the bound values as SQL string literals (NULL for null). */
export function bindParameters(query: string, values: ReadonlyArray<string | null>): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i] as string;
    if (quote) {
      out += ch;
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
      continue;
    }
    const match = ch === '$' ? /^\$(\d+)/.exec(query.slice(i)) : null;
    if (match) {
      const index = Number(match[1]) - 1;
      if (index < 0 || index >= values.length) throw new SqlError(`there is no parameter $${index + 1}`, 'template');
      const value = values[index];
      out += value === null || value === undefined ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
      i += (match[0] as string).length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

function parameterCount(query: string): number {
  let highest = 0;
  for (const m of query.replace(/'(?:[^']|'')*'/g, "''").matchAll(/\$(\d+)/g)) highest = Math.max(highest, Number(m[1]));
  return highest;
}

/** Every statement answers rows (a message as one row), so its tag is SELECT's, which psql prints as "(n rows)". */
function commandTag(rows: Rows): string {
  return `SELECT ${rows.rows.length}`;
}

/**
 * Reads the fields of one frontend message pg-gateway has framed. (pg-gateway's own reader decodes strings of a
 * given length from the wrong offset when the message is not at the start of its buffer.)
 */
class MessageReader {
  private offset = 0;
  private readonly buffer: Buffer;

  constructor(data: Uint8Array) {
    this.buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }

  byte(): number {
    return this.buffer.readUInt8(this.offset++);
  }

  int16(): number {
    const value = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  cstring(): string {
    const end = this.buffer.indexOf(0, this.offset);
    if (end < 0) throw new SqlError('malformed message: a string is not terminated', 'plan');
    const value = this.buffer.toString('utf8', this.offset, end);
    this.offset = end + 1;
    return value;
  }

  string(length: number): string {
    if (this.offset + length > this.buffer.length) throw new SqlError('malformed message: a value runs past its end', 'plan');
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}

interface Portal {
  query: string;
  result?: { rows: Rows; types: PgType[]; tag: string; sent: number };
}

/** One client connection: its runner (and so its token), prepared statements and portals. */
class Connection {
  private readonly statements = new Map<string, { query: string; types: number[] }>();
  private readonly portals = new Map<string, Portal>();
  /** After an error in an extended-protocol exchange, messages are skipped until Sync. */
  private skipping = false;
  private runner: Runner | undefined;
  private pg: PostgresConnection | undefined;
  /** What the message being handled answers, sent together once it is handled. */
  private out: Uint8Array[] = [];

  constructor(private readonly options: WireServerOptions) {}

  async attach(socket: Socket, loginNeeded: boolean): Promise<void> {
    this.pg = await fromNodeSocket(socket, {
      serverVersion: SERVER_VERSION,
      // The login's user name and password are a client id and secret, checked by the API on the first statement.
      auth: loginNeeded
        ? {
            method: 'password',
            getClearTextPassword: () => '',
            validateCredentials: ({ username, password }) => {
              if (password === '') return false;
              this.runner = new Runner({ ...this.options.runner, clientId: username, clientSecret: password, output: { format: 'table' } });
              return true;
            },
          }
        : { method: 'trust' },
      onAuthenticated: () => {
        this.runner ??= new Runner({ ...this.options.runner, output: { format: 'table' } });
      },
      onMessage: (data, state) => (state.isAuthenticated ? this.handle(data) : undefined),
    });
  }

  private get writer(): PostgresConnection['bufferWriter'] {
    if (!this.pg) throw new Error('the connection is not set up yet');
    return this.pg.bufferWriter;
  }

  /** Set once the login is done (pg-gateway hands over messages only after that). */
  private get session(): Runner {
    if (!this.runner) throw new Error('the connection is not authenticated yet');
    return this.runner;
  }

  private send(code: number): void {
    this.out.push(this.writer.flush(code));
  }

  private readyForQuery(): void {
    this.writer.addString('I');
    this.send(0x5a);
  }

  private sendError(error: unknown): void {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    if (!(error instanceof SqlError)) this.options.log?.(`signups srv: ${error instanceof Error ? (error.stack ?? message) : message}`);
    this.out.push(BackendError.create({ severity: 'ERROR', code: sqlState(error), message }).flush());
  }

  private describeRows(rows: Rows, types: PgType[]): void {
    const w = this.writer;
    w.addInt16(rows.columns.length);
    rows.columns.forEach((column, i) => {
      const type = types[i] ?? TEXT;
      w.addCString(column).addInt32(0).addInt16(0).addInt32(type.oid).addInt16(type.size).addInt32(-1).addInt16(0);
    });
    this.send(ROW_DESCRIPTION);
  }

  private sendRows(rows: Rows, types: PgType[], from: number, to: number): void {
    for (const row of rows.rows.slice(from, to)) {
      const w = this.writer;
      w.addInt16(rows.columns.length);
      rows.columns.forEach((column, i) => {
        const text = textValue(row[column], types[i] ?? TEXT);
        if (text === null) w.addInt32(-1);
        else {
          const bytes = Buffer.from(text, 'utf8');
          w.addInt32(bytes.length).add(bytes);
        }
      });
      this.send(DATA_ROW);
    }
  }

  private async run(query: string): Promise<Array<{ rows: Rows; types: PgType[]; tag: string }>> {
    const out: Array<{ rows: Rows; types: PgType[]; tag: string }> = [];
    await this.session.results(query, (result) => {
      const rows = asRows(result);
      out.push({ rows, types: rows.columns.map((c) => columnType(rows.rows, c)), tag: commandTag(rows) });
    });
    return out;
  }

  /** Answers one message after start-up (pg-gateway sends what it returns); Terminate is left to pg-gateway. */
  private async handle(data: Uint8Array): Promise<Uint8Array[] | undefined> {
    const reader = new MessageReader(data);
    const code = reader.byte();
    reader.int32();
    if (code === TERMINATE) return undefined;
    this.out = [];
    await this.answer(code, reader);
    // An empty answer (Flush, or a message skipped after an error) must still count as handled.
    return this.out.length > 0 ? this.out : [new Uint8Array(0)];
  }

  private async answer(code: number, reader: MessageReader): Promise<void> {
    if (code === QUERY) {
      await this.simpleQuery(reader.cstring());
      return;
    }
    if (code === SYNC) {
      this.skipping = false;
      this.readyForQuery();
      return;
    }
    if (this.skipping || code === FLUSH) return;
    try {
      switch (code) {
        case PARSE: {
          const name = reader.cstring();
          const query = reader.cstring();
          const types = Array.from({ length: reader.int16() }, () => reader.int32());
          if (splitStatements(query).length > 1) throw new SqlError('cannot insert multiple commands into a prepared statement', 'syntax');
          this.statements.set(name, { query, types });
          this.send(PARSE_COMPLETE);
          break;
        }
        case BIND: {
          const portal = reader.cstring();
          const name = reader.cstring();
          const formats = Array.from({ length: reader.int16() }, () => reader.int16());
          const values = Array.from({ length: reader.int16() }, (_v, i) => {
            const length = reader.int32();
            if (length < 0) return null;
            if ((formats.length === 1 ? formats[0] : formats[i]) === 1) throw new SqlError('binary parameters are not supported; send them as text', 'plan');
            return reader.string(length);
          });
          const statement = this.statements.get(name);
          if (!statement) throw new SqlError(`prepared statement "${name}" does not exist`, 'plan');
          this.portals.set(portal, { query: bindParameters(statement.query, values) });
          this.send(BIND_COMPLETE);
          break;
        }
        case DESCRIBE: {
          const kind = String.fromCharCode(reader.byte());
          const name = reader.cstring();
          if (kind === 'S') {
            const statement = this.statements.get(name);
            if (!statement) throw new SqlError(`prepared statement "${name}" does not exist`, 'plan');
            const count = Math.max(parameterCount(statement.query), statement.types.length);
            this.writer.addInt16(count);
            for (let i = 0; i < count; i++) this.writer.addInt32(statement.types[i] || TEXT.oid);
            this.send(PARAMETER_DESCRIPTION);
            // The columns are known only once the statement runs: an API answer decides them.
            this.send(NO_DATA);
          } else {
            const portal = await this.portalResult(name);
            if (portal.rows.columns.length === 0) this.send(NO_DATA);
            else this.describeRows(portal.rows, portal.types);
          }
          break;
        }
        case EXECUTE: {
          const name = reader.cstring();
          const limit = reader.int32();
          const portal = this.portals.get(name);
          if (portal?.query !== undefined && !hasCode(portal.query)) {
            this.send(EMPTY_QUERY);
            break;
          }
          const result = await this.portalResult(name);
          const end = limit > 0 ? Math.min(result.sent + limit, result.rows.rows.length) : result.rows.rows.length;
          this.sendRows(result.rows, result.types, result.sent, end);
          result.sent = end;
          if (end < result.rows.rows.length) this.send(PORTAL_SUSPENDED);
          else {
            this.writer.addCString(result.tag);
            this.send(COMMAND_COMPLETE);
          }
          break;
        }
        case CLOSE: {
          const kind = String.fromCharCode(reader.byte());
          const name = reader.cstring();
          if (kind === 'S') this.statements.delete(name);
          else this.portals.delete(name);
          this.send(CLOSE_COMPLETE);
          break;
        }
        default:
          throw new SqlError(`message type '${String.fromCharCode(code)}' is not supported by this server`, 'plan');
      }
    } catch (error) {
      this.skipping = true;
      this.sendError(error);
    }
  }

  private async portalResult(name: string): Promise<NonNullable<Portal['result']>> {
    const portal = this.portals.get(name);
    if (!portal) throw new SqlError(`portal "${name}" does not exist`, 'plan');
    if (!portal.result) {
      if (!hasCode(portal.query)) return { rows: { columns: [], rows: [] }, types: [], tag: '', sent: 0 };
      const [first] = await this.run(portal.query);
      portal.result = { ...(first ?? { rows: { columns: [], rows: [] }, types: [], tag: 'SELECT 0' }), sent: 0 };
    }
    return portal.result;
  }

  private async simpleQuery(query: string): Promise<void> {
    if (!hasCode(query)) {
      this.send(EMPTY_QUERY);
      this.readyForQuery();
      return;
    }
    try {
      await this.session.results(query, (result) => {
        const rows = asRows(result);
        const types = rows.columns.map((c) => columnType(rows.rows, c));
        this.describeRows(rows, types);
        this.sendRows(rows, types, 0, rows.rows.length);
        this.writer.addCString(commandTag(rows));
        this.send(COMMAND_COMPLETE);
      });
    } catch (error) {
      this.sendError(error);
    }
    this.readyForQuery();
  }
}

/** Starts listening; the login is asked for only when the runner options carry no credentials of their own. */
export async function startWireServer(options: WireServerOptions): Promise<WireServer> {
  const { token, clientId, clientSecret, auth } = options.runner;
  const loginNeeded = !token && !(clientId && clientSecret) && auth === undefined;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    new Connection(options).attach(socket, loginNeeded).catch((error: unknown) => {
      options.log?.(`signups srv: ${error instanceof Error ? error.message : String(error)}`);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.end();
      }),
  };
}
