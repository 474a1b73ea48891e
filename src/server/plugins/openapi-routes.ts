import type { RouteOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import '../openapi-schema.js';
import { DOCUMENTS } from '../documents.js';
import { routeModulesById } from '../route-registry.js';
import { loadDocument, type OperationInfo, operationsOf } from '../spec.js';
import type { AppPlugin } from './plugin.js';

type Handler = RouteOptions['handler'];

/** What the other plugins read from an OpenAPI route's config. */
export interface RouteConfig {
  operationId: string;
  scopes?: string[];
  errorFormat: OperationInfo['errorFormat'];
  tenantScoped: boolean;
  communityScoped: boolean;
  rateLimit?: false;
}

/** The routes of the documents: validation and serialization from the document, the handler from the route module. */
export const openapiRoutes: AppPlugin = async (app, setup) => {
  const { context } = setup;
  const modules = routeModulesById();
  // Route options beyond what the documents say: a snapshot may be far larger than any API body.
  const routeOverrides: Record<string, Partial<RouteOptions>> = { restoreSnapshot: { bodyLimit: context.config.sandbox.snapshotBodyLimitBytes } };
  for (const { file, format, sandboxOnly } of DOCUMENTS) {
    const document = loadDocument(file);
    // The sandbox document is served everywhere (it says how to turn the controls on); its routes only in a sandbox.
    setup.served.push({ name: file.replace(/\.yaml$/, ''), file, document });
    if (sandboxOnly && !context.sandbox) continue;
    const operations = operationsOf(document, format);
    await app.register(openapiGlue, {
      specification: document,
      operationResolver: (operationId: string) => {
        const module = modules.get(operationId);
        const info = operations.get(operationId);
        if (!module || !info) throw new Error(`no route module for operation ${operationId} in ${file}`);
        const handler: Handler = (request, reply) => module.handle(request, reply, context);
        const routeConfig: RouteConfig = { operationId, errorFormat: info.errorFormat, tenantScoped: info.tenantScoped, communityScoped: info.communityScoped };
        if (info.scopes) routeConfig.scopes = info.scopes;
        if (!info.rateLimited) routeConfig.rateLimit = false;
        return { ...routeOverrides[operationId], handler, config: routeConfig } as unknown as RouteOptions;
      },
    });
  }
};
