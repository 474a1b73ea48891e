import type { RouteOptions } from 'fastify';
import type { normalizeLetterCase } from './letter-case.js';

/** The media types the route's document declares for its request body, if it takes one. */
export function bodyContentTypes(schema: RouteOptions['schema']): string[] | undefined {
  const content = (schema?.body as { content?: Record<string, unknown> } | undefined)?.content;
  return content ? Object.keys(content) : undefined;
}

/** The schema of the route's request body in one media type. */
export function bodySchema(schema: RouteOptions['schema'], contentType: string): Parameters<typeof normalizeLetterCase>[1] {
  const content = (schema?.body as { content?: Record<string, { schema?: object }> } | undefined)?.content;
  return content?.[contentType]?.schema;
}
