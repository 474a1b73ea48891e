import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccessTokens, type Principal, TokenError } from '../identity/access-tokens.js';
import { Errors } from './api-error.js';
import { type BasicCredentials, parseBasic } from './basic-credentials.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** Why a presented token was not accepted; reported only if the route needs a token. */
    tokenProblem: TokenError | null;
  }
}

const REALM = 'Bearer realm="signups"';
const BASIC_REALM = 'Basic realm="signups", charset="UTF-8"';

/** A presented Basic id and secret that did not match: its challenge is Basic's. */
class BasicProblem extends TokenError {}

/**
 * Reads the bearer token, if any, before rate limiting so that limits apply per client. Where `acceptsBasic` says
 * so (the partner API), a client's id and secret as HTTP Basic identify it too, as Cloud API keys do on Confluent.
 */
export function identify(tokens: AccessTokens, basic?: { credentials: BasicCredentials; accepts: (request: FastifyRequest) => boolean }) {
  return async (request: FastifyRequest): Promise<void> => {
    request.principal = null;
    request.tokenProblem = null;
    const header = request.headers.authorization;
    if (!header) return;
    if (basic?.accepts(request)) {
      const pair = parseBasic(header);
      if (pair === null) {
        request.tokenProblem = new BasicProblem('invalid', 'The Authorization header must be "Basic base64(client_id:client_secret)"');
        return;
      }
      if (pair) {
        request.principal = await basic.credentials.verify(pair.clientId, pair.secret);
        if (!request.principal) request.tokenProblem = new BasicProblem('invalid', 'The client id or secret is not valid');
        return;
      }
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      request.tokenProblem = new TokenError('invalid', 'The Authorization header must be "Bearer <access token>"');
      return;
    }
    try {
      request.principal = await tokens.verify(match[1]);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      request.tokenProblem = error;
    }
  };
}

/** Refuses a request without a valid token (401) or without the operation's scopes (403). */
export function authorize(scopes: readonly string[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!request.principal) {
      const problem = request.tokenProblem;
      if (!problem) throw Errors.unauthenticated('Valid authentication credentials must be provided', REALM);
      const description = problem.message.replace(/"/g, "'");
      const challenge = `${REALM}, error="invalid_token", error_description="${description}"`;
      // Refused Basic credentials get the bearer challenge every 401 carries, and Basic's own after it.
      throw Errors.unauthenticated(problem.message, problem instanceof BasicProblem ? `${challenge}, ${BASIC_REALM}` : challenge);
    }
    const missing = scopes.filter((s) => !request.principal?.scopes.includes(s));
    if (missing.length > 0) {
      throw Errors.forbidden(`The access token lacks the scope${missing.length > 1 ? 's' : ''} ${missing.map((s) => `'${s}'`).join(', ')} this operation requires`);
    }
  };
}

/** Whether the community exists and has every one of the tenants as a member. */
export type CommunityMembership = (communityId: string, tenantIds: readonly string[]) => Promise<boolean>;

/**
 * Tenant routes: a valid token whose client acts in the tenant named by the path. Another tenant's namespace is
 * refused without saying whether it exists, unless the route takes the `Community-Id` header (`community` is
 * given), the call carries it, and both tenants are members of that community.
 */
export function authorizeTenant(community?: CommunityMembership) {
  const requireToken = authorize([]);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await requireToken(request, reply);
    // Every tenant route's path names {tenantId}; the hook reads it from whatever route it guards.
    const params: unknown = request.params;
    const tenantId = typeof params === 'object' && params !== null && 'tenantId' in params && typeof params.tenantId === 'string' ? params.tenantId : undefined;
    const own = request.principal?.tenantId;
    if (!own) throw Errors.forbidden('The client does not act in any tenant; create it with --tenant');
    if (tenantId !== undefined && own.toLowerCase() === tenantId.toLowerCase()) return;
    const header = request.headers['community-id'];
    const communityId = typeof header === 'string' ? header.trim() : '';
    if (community && tenantId !== undefined && communityId !== '' && (await community(communityId, [own, tenantId]))) return;
    throw Errors.forbidden(
      communityId === '' || !community
        ? `The client may not act in tenant '${tenantId ?? ''}'`
        : `The client may not act in tenant '${tenantId ?? ''}': its tenant and that one are not both members of the community '${communityId}'`,
    );
  };
}
