import type { RouteModule } from '../../server/route-module.js';
import { getIdentityJwks } from './get-identity-jwks.js';
import { getIdentityOpenIdConfiguration } from './get-identity-open-id-configuration.js';
import { getJwks } from './get-jwks.js';
import { getOpenIdConfiguration } from './get-open-id-configuration.js';
import { issueIdentityToken } from './issue-identity-token.js';
import { issueToken } from './issue-token.js';

export const identityRoutes: readonly RouteModule[] = [issueToken, issueIdentityToken, getOpenIdConfiguration, getIdentityOpenIdConfiguration, getJwks, getIdentityJwks];
