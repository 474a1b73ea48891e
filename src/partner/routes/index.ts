import type { RouteModule } from '../../server/route-module.js';
import { activateSignup } from './activate-signup.js';
import { createPartnerV2Entitlement } from './create-partner-v2-entitlement.js';
import { getPartnerV2Entitlement } from './get-partner-v2-entitlement.js';
import { getPartnerV2Organization } from './get-partner-v2-organization.js';
import { listPartnerOrganizationUsers } from './list-partner-organization-users.js';
import { listPartnerV2Entitlements } from './list-partner-v2-entitlements.js';
import { listPartnerV2Organizations } from './list-partner-v2-organizations.js';
import { signupPartnerV2Link } from './signup-partner-v2-link.js';
import { signup } from './signup.js';

export const partnerRoutes: readonly RouteModule[] = [
  signup,
  activateSignup,
  signupPartnerV2Link,
  createPartnerV2Entitlement,
  getPartnerV2Entitlement,
  listPartnerV2Entitlements,
  getPartnerV2Organization,
  listPartnerV2Organizations,
  listPartnerOrganizationUsers,
];
