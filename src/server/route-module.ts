import type { FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { AppContext } from './app-context.js';

/** An operation as openapi-typescript writes it (src/openapi-types): its parameters and request body. */
export interface Operation {
  parameters: { query?: object; path?: object; header?: object };
  requestBody?: { content: object };
}

type ContentOf<B> = B extends { content: infer C } ? C[keyof C] : undefined;
/** The body of the media type the document declares; optional bodies may be absent. */
type BodyOf<Op extends Operation> = Op extends { requestBody: infer B } ? ContentOf<B> : Op extends { requestBody?: infer B } ? ContentOf<B> | undefined : undefined;
type Present<T> = [Exclude<T, undefined>] extends [never] ? Record<string, never> : Exclude<T, undefined>;
type QueryOf<Op extends Operation> = Present<Op['parameters']['query']>;

/**
 * A request as the router hands it over: validated against the operation's schemas, defaults applied, so the query
 * parameters named in `Defaulted` (those with a `default` in the document) are always present.
 */
export interface RequestTypes<Op extends Operation, Defaulted extends keyof QueryOf<Op> = never> extends RouteGenericInterface {
  Body: BodyOf<Op>;
  Querystring: Omit<QueryOf<Op>, Defaulted> & Required<Pick<QueryOf<Op>, Defaulted>>;
  Params: Present<Op['parameters']['path']>;
}

/**
 * One operation of an OpenAPI document: its operationId and the handler bound to it. The handler parses the request,
 * makes one call to a use case of its domain and shapes the answer.
 */
export interface RouteModule<Types extends RouteGenericInterface = RouteGenericInterface> {
  readonly operationId: string;
  /** Query parameters the handler relies on being present because the document gives them a default. */
  readonly defaulted: readonly string[];
  // Written as a method so that a module typed for its own operation is one of the document's routes.
  handle(request: FastifyRequest<Types>, reply: FastifyReply, app: AppContext): Promise<unknown>;
}

/**
 * Binds a handler to an operation of a document's generated `operations` type:
 * `export const route = operationOf<operations>()('signup', [], async (request, reply, app) => ...)`.
 */
export function operationOf<Ops>() {
  return <Id extends keyof Ops & string, Defaulted extends Ops[Id] extends Operation ? keyof QueryOf<Ops[Id]> & string : never = never>(
    operationId: Id,
    defaulted: readonly Defaulted[],
    handle: Ops[Id] extends Operation ? (request: FastifyRequest<RequestTypes<Ops[Id], Defaulted>>, reply: FastifyReply, app: AppContext) => Promise<unknown> : never,
  ): RouteModule<Ops[Id] extends Operation ? RequestTypes<Ops[Id], Defaulted> : never> => ({ operationId, defaulted, handle });
}
