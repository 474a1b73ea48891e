import { openApiDocument } from '../openapi/documents.js';

export { OPENAPI_DIR } from '../openapi/documents.js';

export type ErrorFormat = 'partner' | 'oauth2' | 'aveva';

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  /** Scopes the caller's token must hold; undefined when the operation needs no token. */
  scopes: string[] | undefined;
  errorFormat: ErrorFormat;
  rateLimited: boolean;
  /** The caller's token must belong to the tenant named in the path (`{tenantId}`). */
  tenantScoped: boolean;
  /** The operation takes the `Community-Id` header: members of a community may call other member tenants. */
  communityScoped: boolean;
}

/** Whether a list of parameters (inline or `$ref`s into components.parameters) declares the Community-Id header. */
function takesCommunityId(doc: OpenApiDocument, parameters: unknown): boolean {
  if (!Array.isArray(parameters)) return false;
  const components = (doc.components as { parameters?: Record<string, { name?: string; in?: string }> } | undefined)?.parameters ?? {};
  return parameters.some((p: { $ref?: string; name?: string; in?: string }) => {
    const param = p.$ref ? components[p.$ref.split('/').pop() ?? ''] : p;
    return param?.in === 'header' && param.name?.toLowerCase() === 'community-id';
  });
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  [key: string]: unknown;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** One of the documents in openapi/ (see openApiDocument). */
export function loadDocument(file: string): OpenApiDocument {
  return openApiDocument<OpenApiDocument>(file);
}

/** What the server needs to know about each operation beyond what fastify-openapi-glue wires up. */
export function operationsOf(doc: OpenApiDocument, defaultFormat: ErrorFormat): Map<string, OperationInfo> {
  const out = new Map<string, OperationInfo>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const operationId = op.operationId;
      if (typeof operationId !== 'string') throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const security = op.security as Array<Record<string, string[]>> | undefined;
      const scopes = security && security.length > 0 ? security.flatMap((req) => Object.values(req).flat()) : undefined;
      out.set(operationId, {
        operationId,
        method: method.toUpperCase(),
        path,
        scopes,
        errorFormat: (op['x-error-format'] as ErrorFormat | undefined) ?? defaultFormat,
        rateLimited: op['x-rate-limit'] !== false,
        tenantScoped: path.includes('{tenantId}'),
        communityScoped: takesCommunityId(doc, item.parameters) || takesCommunityId(doc, op.parameters),
      });
    }
  }
  return out;
}
