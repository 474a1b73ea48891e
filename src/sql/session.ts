import type {
  DeleteStatement,
  ExecStatement,
  Expr,
  InsertStatement,
  SelectItem,
  SelectStatement,
  Statement,
  UpdateStatement,
} from './ast.js';
import type { ApiAnswer, ApiClient, ApiRequest, Target } from './api-client.js';
import { evaluate, type Row, type Rows, runQuery } from './evaluate.js';
import { describe, rowColumns, show } from './intrinsic.js';
import { buildRequest, checkPayload, chooseMethod, parameterNames, topLevelEqualities, without } from './planner.js';
import { DEFAULT_SERVER } from './options.js';
import type { MethodInfo, Registry, ResourceInfo } from './registry.js';
import { SqlError } from './sql-error.js';
import { jsonPath } from './json-path.js';

export type Result = Rows | { message: string };

export const DESPATCHED = 'The operation was despatched successfully';

/** Guards against a server whose `next` links never end. */
const MAX_PAGES = 10_000;

/** The rows of one answer: the array (or object) under the method's `objectKey`, or the whole body. */
function rowsOf(method: MethodInfo, body: unknown): Row[] {
  const found = jsonPath(body, method.response.objectKey);
  if (Array.isArray(found)) return found.filter((r) => r !== null && typeof r === 'object') as Row[];
  if (found !== null && typeof found === 'object') return [found as Row];
  if (found === undefined || found === null) return [];
  return [{ value: found }];
}

/** The link to the next page in a list answer (`metadata.next`, as the Confluent APIs write it). */
function nextLink(body: unknown): string | undefined {
  const next = jsonPath(body, '$.metadata.next');
  return typeof next === 'string' && next.length > 0 ? next : undefined;
}

/** A paging value from the answer: a header, or a JSON path into the body. */
function read(answer: ApiAnswer, where: { key: string; location?: string }): string | undefined {
  if (where.location === 'header') return answer.headers.get(where.key) ?? undefined;
  const value = jsonPath(answer.body, where.key);
  return value === undefined || value === null ? undefined : String(value);
}

/** The same request URL with one query parameter set. */
function withQuery(url: string, key: string, value: string): string {
  const parsed = new URL(url, 'http://relative.invalid');
  parsed.searchParams.set(key, value);
  return parsed.origin === 'http://relative.invalid' ? `${parsed.pathname}${parsed.search}` : parsed.toString();
}

/** Schema columns first, then any extra key the rows carry. */
function columnsFor(method: MethodInfo, rows: Row[]): string[] {
  const columns = rowColumns(method);
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

/** Runs parsed statements: SHOW and DESCRIBE from the registry, the rest as HTTP calls planned from it. */
export class Session {
  constructor(
    readonly registry: Registry,
    private readonly api: ApiClient,
    /** --server: over the documents' servers. */
    private readonly server?: string,
  ) {}

  /** The server a resource's requests go to, and the credentials of its provider. */
  private target(resource: ResourceInfo): Target {
    const own = this.registry.usesDocumentServers ? resource.server : undefined;
    const base = (this.server ?? own ?? DEFAULT_SERVER).replace(/\/+$/, '');
    const target: Target = { base, provider: resource.provider };
    const auth = this.registry.provider(resource.provider).auth;
    if (auth !== undefined) target.defaultAuth = auth;
    return target;
  }

  private send(method: MethodInfo, request: ApiRequest): Promise<ApiAnswer> {
    return this.api.send(request, this.target(method.resource));
  }

  async run(statement: Statement): Promise<Result> {
    switch (statement.type) {
      case 'show':
        return show(this.registry, statement);
      case 'describe':
        return describe(this.registry, statement);
      case 'select':
        return this.select(statement);
      case 'exec':
        return this.exec(statement);
      case 'insert':
        return this.insert(statement);
      case 'update':
        return this.update(statement);
      case 'delete':
        return this.delete(statement);
    }
  }

  /** Sends a request and follows the method's paging to the end, gathering the rows of every page. */
  private async fetchAll(method: MethodInfo, request: ApiRequest): Promise<{ rows: Row[]; body: unknown }> {
    let answer = await this.send(method, request);
    let page = rowsOf(method, answer.body);
    const rows = [...page];
    if (request.method !== 'GET') return { rows, body: answer.body };
    const paging = method.pagination;
    const seen = new Set<string>([request.url]);
    for (let pages = 1; ; pages++) {
      let next: string | undefined;
      if (paging?.requestToken && paging.responseToken) {
        const token = read(answer, paging.responseToken);
        if (page.length > 0 && token !== undefined && token !== '') next = withQuery(request.url, paging.requestToken.key, token);
      } else if (paging?.requestOffset) {
        const offset = Number(new URL(request.url, 'http://x').searchParams.get(paging.requestOffset.key) ?? 0) + page.length;
        const total = paging.responseTotal ? Number(read(answer, paging.responseTotal)) : Number.NaN;
        // A short page is the last one: shorter than the count asked for, or than the parameter's default.
        const limitKey = paging.requestLimit?.key;
        const asked = limitKey ? new URL(request.url, 'http://relative.invalid').searchParams.get(limitKey) : null;
        const limit = Number(asked ?? method.params.find((p) => p.name === limitKey)?.schema.default ?? Number.NaN);
        if (page.length > 0 && !(offset >= total) && !(page.length < limit)) next = withQuery(request.url, paging.requestOffset.key, String(offset));
      } else {
        const link = nextLink(answer.body);
        if (link) next = new URL(link, `${this.target(method.resource).base}/`).toString();
      }
      if (!next) return { rows, body: answer.body };
      if (seen.has(next) || pages >= MAX_PAGES) throw new SqlError(`paging did not end: ${next} repeats`, 'api');
      seen.add(next);
      request = { ...request, url: next };
      answer = await this.send(method, request);
      page = rowsOf(method, answer.body);
      rows.push(...page);
    }
  }

  private async select(statement: SelectStatement): Promise<Rows> {
    const query = {
      items: statement.items,
      orderBy: statement.orderBy,
      ...(statement.limit !== undefined ? { limit: statement.limit } : {}),
      ...(statement.offset !== undefined ? { offset: statement.offset } : {}),
      ...(statement.alias !== undefined ? { alias: statement.alias } : {}),
    };
    if (!statement.from) return runQuery([{}], query, []);
    const resource = this.registry.resource(statement.from.parts);
    const names = parameterNames(resource, 'select');
    const equalities = topLevelEqualities(statement.where, statement.alias).filter((e) => names.has(e.name));
    const method = chooseMethod(resource, 'select', new Set(equalities.map((e) => e.name)), false);
    const own = equalities.filter((e) => method.params.some((p) => p.name === e.name));
    const values = new Map(own.map((e) => [e.name, e.value]));
    const { rows } = await this.fetchAll(method, buildRequest(method, values));
    const where = without(statement.where, new Set<Expr>(own.map((e) => e.expr)));
    return runQuery(rows, { ...query, ...(where ? { where } : {}) }, columnsFor(method, rows));
  }

  private async exec(statement: ExecStatement): Promise<Result> {
    const method = this.registry.method(statement.name.parts);
    for (const p of method.params) {
      if (p.required && !statement.params.some((v) => v.name === p.name)) {
        throw new SqlError(`required param not supplied for exec: could not find variable '${p.name}'`);
      }
    }
    let payload: unknown;
    if (statement.payload) {
      if (statement.payload.name !== 'json') throw new SqlError(`unsupported payload @@${statement.payload.name} (only @@json)`);
      try {
        payload = JSON.parse(statement.payload.value) as unknown;
      } catch (error) {
        throw new SqlError(`@@json is not valid JSON: ${(error as Error).message}`);
      }
      if (!method.body) throw new SqlError(`${method.resource.id}.${method.name} takes no request body, so @@json has nowhere to go`);
      if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
        const bodyParams = statement.params.filter((v) => !method.params.some((p) => p.name === v.name));
        checkPayload(method, { ...(payload as Record<string, unknown>), ...Object.fromEntries(bodyParams.map((p) => [p.name, p.value])) });
      }
    }
    const values = new Map<string, unknown>(statement.params.map((p) => [p.name, p.value]));
    const answer = await this.fetchAll(method, buildRequest(method, values, payload));
    if (answer.body === undefined) return { message: DESPATCHED };
    return { columns: columnsFor(method, answer.rows), rows: answer.rows };
  }

  private async sourceRows(statement: InsertStatement): Promise<unknown[][]> {
    if (statement.source.kind === 'values') return statement.source.rows.map((row) => row.map((e) => evaluate(e, {})));
    const selected = await this.select(statement.source.select);
    return selected.rows.map((row) => selected.columns.map((c) => row[c]));
  }

  private returning(method: MethodInfo, rows: Row[], items: SelectItem[]): Result {
    if (items.length === 0) return { message: DESPATCHED };
    return runQuery(rows, { items, orderBy: [] }, columnsFor(method, rows));
  }

  private async insert(statement: InsertStatement): Promise<Result> {
    const resource = this.registry.resource(statement.name.parts);
    const rows = await this.sourceRows(statement);
    const method = chooseMethod(resource, 'insert', new Set(statement.columns), true);
    const requests: ApiRequest[] = [];
    for (const row of rows) {
      if (row.length !== statement.columns.length) {
        throw new SqlError(`INSERT names ${statement.columns.length} columns but a row has ${row.length} values`);
      }
      const request = buildRequest(method, new Map<string, unknown>(statement.columns.map((c, i) => [c, row[i]])));
      // Rows for one array body (SDS events of one stream) go in one request, as one write.
      const same = Array.isArray(request.body) ? requests.find((r) => r.url === request.url && Array.isArray(r.body)) : undefined;
      if (same && Array.isArray(same.body) && Array.isArray(request.body)) same.body.push(...(request.body as unknown[]));
      else requests.push(request);
    }
    if (requests.length === 0) return { message: 'no rows to insert' };
    const results: Row[] = [];
    for (const request of requests) results.push(...rowsOf(method, (await this.send(method, request)).body));
    return this.returning(method, results, statement.returning);
  }

  private async update(statement: UpdateStatement): Promise<Result> {
    const resource = this.registry.resource(statement.name.parts);
    const names = parameterNames(resource, statement.verb);
    const equalities = topLevelEqualities(statement.where).filter((e) => names.has(e.name));
    const values = new Map<string, unknown>(equalities.map((e) => [e.name, e.value]));
    for (const s of statement.set) values.set(s.column, evaluate(s.value, {}));
    const method = chooseMethod(resource, statement.verb, new Set(values.keys()), true);
    const answer = await this.send(method, buildRequest(method, values));
    return this.returning(method, rowsOf(method, answer.body), statement.returning);
  }

  private async delete(statement: DeleteStatement): Promise<Result> {
    const resource = this.registry.resource(statement.name.parts);
    const names = parameterNames(resource, 'delete');
    const equalities = topLevelEqualities(statement.where).filter((e) => names.has(e.name));
    const values = new Map<string, unknown>(equalities.map((e) => [e.name, e.value]));
    const method = chooseMethod(resource, 'delete', new Set(values.keys()), false);
    await this.send(method, buildRequest(method, values));
    return { message: DESPATCHED };
  }
}
