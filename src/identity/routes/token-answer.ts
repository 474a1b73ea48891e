import type { FastifyReply } from 'fastify';
import type { IssuedToken } from '../access-tokens.js';

/** RFC 6749 §5.1: the token answer, never cached. */
export const tokenAnswer = (reply: FastifyReply, token: IssuedToken) =>
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send({
    access_token: token.accessToken,
    token_type: 'Bearer',
    expires_in: token.expiresIn,
    scope: token.scopes.join(' '),
  });
