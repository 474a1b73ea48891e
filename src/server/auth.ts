import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccessTokens, type Principal, TokenError } from '../identity/access-tokens.js';
import { Errors } from './api-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** Why a presented token was not accepted; reported only if the route needs a token. */
    tokenProblem: TokenError | null;
  }
}

const REALM = 'Bearer realm="signups"';

/** Reads the bearer token, if any, before rate limiting so that limits apply per client. */
export function identify(tokens: AccessTokens) {
  return async (request: FastifyRequest): Promise<void> => {
    request.principal = null;
    request.tokenProblem = null;
    const header = request.headers.authorization;
    if (!header) return;
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
      throw Errors.unauthenticated(problem.message, `${REALM}, error="invalid_token", error_description="${description}"`);
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
    const { tenantId } = request.params as { tenantId?: string };
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
