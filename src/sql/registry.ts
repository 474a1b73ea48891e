import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../openapi/documents.js';
import { deref, flatten, type JsonSchema, resolvePointer } from './schema.js';
import { SqlError } from './sql-error.js';
import { unescapePointerSegment } from '../server/json-pointer.js';

/**
 * Providers, services, resources and methods as the OpenAPI documents declare them in
 * `components.x-stackQL-resources` (StackQL's provider format); nothing here knows a resource by name.
 */

export type SqlVerb = 'SELECT' | 'INSERT' | 'UPDATE' | 'REPLACE' | 'DELETE' | 'EXEC';
const VERB_KEYS = ['select', 'insert', 'update', 'replace', 'delete'] as const;
export type VerbKey = (typeof VERB_KEYS)[number];

export interface ParamInfo {
  name: string;
  in: string;
  required: boolean;
  schema: JsonSchema;
  description: string;
}

/**
 * How a list continues. With none, a `metadata.next` link in the answer is followed (the Confluent APIs).
 * `requestToken`/`responseToken` is StackQL's form (a token from the answer goes back as a parameter);
 * `requestOffset`/`responseTotal` pages by offset (`skip`), up to a total the answer gives (a header here), or
 * until a page is shorter than `requestLimit` asked for.
 */
export interface Pagination {
  requestToken?: { key: string; location?: string };
  responseToken?: { key: string; location?: string };
  requestOffset?: { key: string; location?: string };
  /** The page-size parameter: a page shorter than it is the last. */
  requestLimit?: { key: string; location?: string };
  responseTotal?: { key: string; location?: string };
}

export interface MethodInfo {
  name: string;
  resource: ResourceInfo;
  operationId: string;
  httpMethod: string;
  path: string;
  description: string;
  params: ParamInfo[];
  /** The JSON request body, flattened, with the field prefix StackQL's body translation gives it. */
  body?: { mediaType: string; schema: JsonSchema; required: string[]; prefix: string };
  response: { mediaType: string; status: string; objectKey?: string; schema?: JsonSchema };
  sqlVerb: SqlVerb;
  pagination?: Pagination;
  /** Required path and query parameters, then required body fields: SHOW METHODS' RequiredParams. */
  requiredParams: string[];
}

export interface ResourceInfo {
  id: string;
  /** The first of the document's `servers`, variables filled with their defaults. */
  server?: string;
  name: string;
  title: string;
  description: string;
  provider: string;
  service: string;
  /** The OpenAPI document the resource lives in (for resolving schema references). */
  doc: unknown;
  methods: MethodInfo[];
  verbs: Record<VerbKey, MethodInfo[]>;
}

export interface ServiceInfo {
  provider: string;
  name: string;
  title: string;
  description: string;
  version: string;
  resources: ResourceInfo[];
}

export interface ProviderInfo {
  name: string;
  title: string;
  description: string;
  version: string;
  services: ServiceInfo[];
  /** The provider's own `config.auth` (a StackQL registry's provider.yaml): the default when `--auth` names none. */
  auth?: unknown;
}

interface RawMethod {
  operation?: { $ref?: string };
  request?: { mediaType?: string };
  response?: { mediaType?: string; openAPIDocKey?: string | number; objectKey?: string };
  config?: { requestBodyTranslate?: { algorithm?: string }; pagination?: Pagination };
}

interface RawResource {
  id?: string;
  name?: string;
  title?: string;
  description?: string;
  methods?: Record<string, RawMethod>;
  sqlVerbs?: Partial<Record<VerbKey, Array<{ $ref: string }>>>;
  config?: { requestBodyTranslate?: { algorithm?: string }; pagination?: Pagination };
}

interface Named {
  name?: string;
  title?: string;
  description?: string;
  version?: string;
}

export type OpenApiDoc = {
  servers?: Array<{ url?: string; variables?: Record<string, { default?: unknown }> }>;
  info?: { version?: string; 'x-stackQL-provider'?: Named; 'x-stackQL-service'?: Named };
  components?: { 'x-stackQL-resources'?: Record<string, RawResource> };
};

const BODY_PREFIX = 'data__';

function loadMethod(doc: OpenApiDoc, resource: ResourceInfo, raw: RawResource, name: string, spec: RawMethod): MethodInfo {
  const ref = spec.operation?.$ref;
  if (!ref) throw new Error(`${resource.id}.${name} has no operation.$ref`);
  const match = /^#\/paths\/(.+)\/([a-z]+)$/.exec(ref);
  if (!match) throw new Error(`${resource.id}.${name}: operation.$ref must point at #/paths/<path>/<method>`);
  const path = unescapePointerSegment(decodeURIComponent(match[1] as string));
  const op = resolvePointer(doc, ref) as Record<string, unknown>;
  // Parameters of the path item apply to every operation under it; the operation's own override them.
  const item = resolvePointer(doc, ref.slice(0, ref.lastIndexOf('/'))) as { parameters?: JsonSchema[] };
  const params: ParamInfo[] = [];
  for (const p of [...(item.parameters ?? []), ...((op.parameters as JsonSchema[] | undefined) ?? [])]) {
    const param = deref(doc, p) as unknown as { name: string; in: string; required?: boolean; schema?: JsonSchema; description?: string };
    const info = { name: param.name, in: param.in, required: param.required === true || param.in === 'path', schema: param.schema ?? {}, description: param.description ?? '' };
    const existing = params.findIndex((q) => q.name === info.name && q.in === info.in);
    if (existing >= 0) params[existing] = info;
    else params.push(info);
  }
  const translate = spec.config?.requestBodyTranslate?.algorithm ?? raw.config?.requestBodyTranslate?.algorithm;
  const content = (deref(doc, op.requestBody as JsonSchema | undefined)?.content ?? {}) as Record<string, { schema?: JsonSchema }>;
  const mediaType = spec.request?.mediaType ?? Object.keys(content).find((t) => t.includes('json'));
  let body: MethodInfo['body'];
  if (mediaType && content[mediaType]) {
    const schema = flatten(doc, content[mediaType].schema);
    body = { mediaType, schema, required: schema.required ?? [], prefix: translate === 'naive' ? '' : BODY_PREFIX };
  }
  const responses = (op.responses ?? {}) as Record<string, JsonSchema>;
  const status = String(spec.response?.openAPIDocKey ?? Object.keys(responses).find((s) => s.startsWith('2')) ?? '200');
  const responseMedia = spec.response?.mediaType ?? 'application/json';
  const responseContent = deref(doc, responses[status])?.content as Record<string, { schema?: JsonSchema }> | undefined;
  const response: MethodInfo['response'] = { mediaType: responseMedia, status };
  if (spec.response?.objectKey) response.objectKey = spec.response.objectKey;
  const responseSchema = responseContent?.[responseMedia]?.schema;
  if (responseSchema) response.schema = responseSchema;
  const requiredParams = [
    ...params.filter((p) => p.required).map((p) => p.name),
    ...(body ? body.required.map((r) => `${body.prefix}${r}`) : []),
  ];
  const pagination = spec.config?.pagination ?? raw.config?.pagination;
  return {
    ...(pagination ? { pagination } : {}),
    name,
    resource,
    operationId: String(op.operationId ?? name),
    httpMethod: match[2]?.toUpperCase() ?? 'GET',
    path,
    description: String(op.description ?? op.summary ?? '').trim(),
    params,
    ...(body ? { body } : {}),
    response,
    sqlVerb: 'EXEC',
    requiredParams,
  };
}

/** `servers[0].url` with `{variables}` replaced by their defaults. */
function documentServer(doc: OpenApiDoc): string | undefined {
  const first = doc.servers?.[0];
  if (!first?.url) return undefined;
  return first.url.replace(/\{([^}]+)\}/g, (all, name: string) => {
    const value = first.variables?.[name]?.default;
    return value === undefined ? all : String(value);
  });
}

function loadResource(doc: OpenApiDoc, key: string, raw: RawResource, fallback: { provider?: string; service?: string }): ResourceInfo {
  const id = raw.id ?? `${fallback.provider}.${fallback.service}.${key}`;
  const [provider, service, name] = id.split('.');
  if (!provider || !service || !name) throw new Error(`x-stackQL-resources.${key}: id must be provider.service.resource, got '${id}'`);
  const server = documentServer(doc);
  const resource: ResourceInfo = {
    id,
    ...(server ? { server } : {}),
    name: raw.name ?? name,
    title: raw.title ?? name,
    description: raw.description ?? '',
    provider,
    service,
    doc,
    methods: [],
    verbs: { select: [], insert: [], update: [], replace: [], delete: [] },
  };
  const byName = new Map<string, MethodInfo>();
  for (const [methodName, spec] of Object.entries(raw.methods ?? {})) {
    const method = loadMethod(doc, resource, raw, methodName, spec);
    resource.methods.push(method);
    byName.set(methodName, method);
  }
  // A method no verb refers to is reached with EXEC only (StackQL's rule).
  for (const verb of VERB_KEYS) {
    for (const ref of raw.sqlVerbs?.[verb] ?? []) {
      const methodName = ref.$ref.split('/').at(-1) ?? '';
      const method = byName.get(methodName);
      if (!method) throw new Error(`${id}: sqlVerbs.${verb} refers to unknown method '${methodName}'`);
      resource.verbs[verb].push(method);
      method.sqlVerb = verb.toUpperCase() as SqlVerb;
    }
  }
  return resource;
}

/** The resources one document declares; `fallback` names their provider and service when a resource has no `id`. */
export function resourcesOf(doc: OpenApiDoc, source: string, fallback: { provider?: string; service?: string }): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const [key, raw] of Object.entries(doc.components?.['x-stackQL-resources'] ?? {})) {
    if (!raw.id && (!fallback.provider || !fallback.service)) throw new Error(`${source}: x-stackQL-resources.${key} has no id`);
    const resource = loadResource(doc, key, raw, fallback);
    if (out.some((r) => r.name === resource.name)) throw new Error(`${source}: resource ${resource.id} is declared twice`);
    out.push(resource);
  }
  return out;
}

export class Registry {
  readonly providers: ProviderInfo[] = [];

  /** A StackQL registry's documents name the real vendor endpoints: they are used unless `--server` overrides them. */
  constructor(readonly usesDocumentServers = false) {}

  /** Reads every document in `dir` that declares `components.x-stackQL-resources`. */
  static load(dir: string): Registry {
    const registry = new Registry();
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const doc = openApiDocument<OpenApiDoc>(join(dir, file));
      registry.add(doc, file);
    }
    return registry;
  }

  /**
   * Adds one OpenAPI document's resources. Each resource's `id` says its provider and service; the document's
   * `info.x-stackQL-provider` / `x-stackQL-service` (optional) give their titles and descriptions.
   */
  add(doc: OpenApiDoc, source = 'document'): void {
    const rawResources = doc.components?.['x-stackQL-resources'];
    if (!rawResources || Object.keys(rawResources).length === 0) return;
    const providerMeta = doc.info?.['x-stackQL-provider'] ?? {};
    const serviceMeta = doc.info?.['x-stackQL-service'] ?? {};
    for (const [key, raw] of Object.entries(rawResources)) {
      const fallback: { provider?: string; service?: string } = {};
      if (providerMeta.name) fallback.provider = providerMeta.name;
      if (serviceMeta.name) fallback.service = serviceMeta.name;
      if (!raw.id && (!fallback.provider || !fallback.service)) throw new Error(`${source}: x-stackQL-resources.${key} has no id`);
      const resource = loadResource(doc, key, raw, fallback);
      let provider = this.providers.find((p) => p.name === resource.provider);
      const ownMeta = providerMeta.name === resource.provider ? providerMeta : {};
      if (!provider) {
        provider = { name: resource.provider, title: ownMeta.title ?? resource.provider, description: ownMeta.description ?? '', version: ownMeta.version ?? 'v1', services: [] };
        this.providers.push(provider);
      } else if (ownMeta.description && !provider.description) provider.description = ownMeta.description;
      let service = provider.services.find((s) => s.name === resource.service);
      if (!service) {
        const meta = serviceMeta.name === resource.service ? serviceMeta : {};
        service = {
          provider: resource.provider,
          name: resource.service,
          title: meta.title ?? resource.service,
          description: meta.description ?? '',
          version: meta.version ?? doc.info?.version ?? 'v1',
          resources: [],
        };
        provider.services.push(service);
      }
      if (service.resources.some((r) => r.name === resource.name)) throw new Error(`${source}: resource ${resource.id} is declared twice`);
      service.resources.push(resource);
    }
  }

  provider(name: string): ProviderInfo {
    const found = this.providers.find((p) => p.name === name);
    if (!found) throw new SqlError(`provider '${name}' not found (SHOW PROVIDERS lists them)`);
    return found;
  }

  service(provider: string, name: string): ServiceInfo {
    const found = this.provider(provider).services.find((s) => s.name === name);
    if (!found) throw new SqlError(`service '${provider}.${name}' not found (SHOW SERVICES IN ${provider} lists them)`);
    return found;
  }

  resource(parts: readonly string[]): ResourceInfo {
    const [provider, service, name] = parts as [string, string, string];
    const found = this.service(provider, service).resources.find((r) => r.name === name);
    if (!found) throw new SqlError(`resource '${parts.join('.')}' not found (SHOW RESOURCES IN ${provider}.${service} lists them)`);
    return found;
  }

  method(parts: readonly string[]): MethodInfo {
    const resource = this.resource(parts.slice(0, 3));
    const found = resource.methods.find((m) => m.name === parts[3]);
    if (!found) throw new SqlError(`method '${parts[3]}' not found in ${resource.id} (SHOW METHODS IN ${resource.id} lists them)`);
    return found;
  }
}
