import type { LinkTokens } from '../identity/link-tokens.js';
import { LinkTokenError, type LinkTokenProblem } from '../identity/link-tokens.js';
import type { FailureCode } from '../errors/partner-failure.js';
import type { Tx } from '../store/database.js';
import type { EntitlementRow, OrganizationRow } from '../store/schema.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { groupCommitsSignups, type NewSignupRows, writeNewSignup } from '../store/signup-writes.js';
import {
  duplicateExternalId,
  explainExternalIdTaken,
  findEntitlement,
  findEntitlementByExternalId,
  insertEntitlement,
} from './entitlements.js';
import { notFound, PartnerError } from './errors.js';
import { newEntitlementId, newOrganizationId, newUserId } from './ids.js';
import { findVisibleOrganization } from './organizations.js';
import { idFromUrl } from './representation.js';
import {
  type EntitlementDetailsInput,
  type EntitlementInput,
  isReference,
  type OrganizationInput,
  type PartnerContext,
  type UserInput,
} from './types.js';

export interface SignupOutcome {
  organization: OrganizationRow;
  entitlement: EntitlementRow;
  /** True when the signup still needs `/signup/activate` with the first user. */
  incomplete: boolean;
  dryRun: boolean;
  /** The entitlement was linked to an existing organization (`/signup/link`) rather than signed up with a new one. */
  linked: boolean;
}

/** What the partner shows its customer after a signup or link. */
export function displayMessage(outcome: SignupOutcome): string {
  if (outcome.dryRun) return 'Validation succeeded: the signup would be accepted. Nothing was created (dry run).';
  if (outcome.linked) return 'The entitlement is now linked to your existing organization. Sign in with your single sign-on account to continue.';
  if (outcome.incomplete) return 'Your organization has been created. Signup completes once the first user is added.';
  return 'Your organization has been created. Sign in with your single sign-on account to get started.';
}

/** Each way a link token can be refused has its own code. */
const LINK_TOKEN_CODES: Record<LinkTokenProblem, FailureCode> = {
  expired: 'link_token_expired',
  forged: 'link_token_forged',
  foreign: 'link_token_foreign',
};

/** What the partner shows its customer after activating a signup. */
export const ACTIVATED_MESSAGE = 'The first user is being created; the signup is complete.';

/** Ends a dry run's transaction: every check ran, and the rollback discards what they wrote. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

async function inTransaction<T>(ctx: PartnerContext, dryRun: boolean, work: (tx: PartnerContext & { db: Tx }) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const result = await work({ ...ctx, db: trx });
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    return explainExternalIdTaken(ctx.db, ctx.partnerId, error);
  }
}

/** Attaches the entitlement (new or referenced) to the organization. */
async function attachEntitlement(ctx: PartnerContext & { db: Tx }, input: EntitlementInput, organizationId: string): Promise<EntitlementRow> {
  if (!isReference(input)) {
    if (input.organization) {
      throw new PartnerError('invalid_input', 'An entitlement in a signup is attached to the signed-up organization; omit entitlement.organization', {
        pointer: '/entitlement/organization',
      });
    }
    return insertEntitlement(ctx, input, organizationId, '/entitlement/external_id');
  }
  const id = idFromUrl(input.related, 'entitlements');
  if (!id) {
    throw new PartnerError('invalid_input', `'${input.related}' is not an entitlement URL (…/partner/v2/entitlements/{id})`, {
      pointer: '/entitlement/related',
    });
  }
  const existing = await findEntitlement(ctx.db, ctx.partnerId, id);
  if (!existing) throw notFound('entitlement', id, { pointer: '/entitlement/related' });
  const now = ctx.clock.now().toISOString();
  // The null check in the update, not the read above, decides a race between two signups for one entitlement.
  const linked = await ctx.db
    .updateTable('entitlements')
    .set({ organization_id: organizationId, updated_at: now })
    .where('id', '=', existing.id)
    .where('organization_id', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!linked) {
    throw new PartnerError('entitlement_already_linked', `The entitlement '${id}' is already linked to an organization.`, {
      pointer: '/entitlement/related',
      conflictingEntitlementId: id,
    });
  }
  return linked;
}

async function addUser(ctx: PartnerContext & { db: Tx }, organizationId: string, user: UserInput, pointer: string): Promise<void> {
  try {
    await ctx.db
      .insertInto('users')
      .values({
        id: newUserId(),
        organization_id: organizationId,
        given_name: user.given_name,
        family_name: user.family_name,
        email: user.email.toLowerCase(),
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new PartnerError('resource_already_exists', `A user with email '${user.email}' already exists in this organization.`, {
        pointer,
      });
    }
    throw error;
  }
}

/**
 * The common signup (a new entitlement, not a dry run) in one group-committed write: no read before it, and
 * a taken external_id is looked up only when the write reports it. Undefined when the database cannot take it
 * (a transaction) or the external_id vanished between the write and the lookup: the caller takes the general path.
 */
async function groupCommittedSignup(
  ctx: PartnerContext,
  input: { organization: OrganizationInput; entitlement: EntitlementDetailsInput; user?: UserInput },
): Promise<SignupOutcome | undefined> {
  const now = ctx.clock.now().toISOString();
  const { organization: org, entitlement: ent, user } = input;
  const rows: NewSignupRows = {
    organization: {
      id: newOrganizationId(),
      name: org.name ?? null,
      sso_kind: org.sso_config.kind,
      sso_tenant_id: org.sso_config.tenant_id,
      created_by: ctx.partnerId,
      activated_at: user ? now : null,
      created_at: now,
      updated_at: now,
    },
    entitlement: {
      id: newEntitlementId(),
      partner_id: ctx.partnerId,
      external_id: ent.external_id,
      name: ent.name,
      plan_id: ent.plan_id,
      product_id: ent.product_id,
      usage_reporting_id: ent.usage_reporting_id ?? null,
      resource_id: ent.resource_id ?? null,
      created_at: now,
      updated_at: now,
    },
    user: user
      ? { id: newUserId(), given_name: user.given_name, family_name: user.family_name, email: user.email.toLowerCase(), created_at: now }
      : null,
  };
  const written = await writeNewSignup(ctx.db, rows);
  if (!written.written) {
    const existing = await findEntitlementByExternalId(ctx.db, ctx.partnerId, ent.external_id);
    if (!existing) return undefined;
    throw duplicateExternalId(ent.external_id, existing.id, '/entitlement/external_id');
  }
  return {
    organization: rows.organization,
    entitlement: { ...rows.entitlement, seq: written.entitlementSeq, organization_id: rows.organization.id },
    incomplete: !user,
    dryRun: false,
    linked: false,
  };
}

export async function signup(
  ctx: PartnerContext,
  input: { organization: OrganizationInput; entitlement: EntitlementInput; user?: UserInput },
  options: { dryRun: boolean },
): Promise<SignupOutcome> {
  const entitlement = input.entitlement;
  if (!options.dryRun && !isReference(entitlement) && !entitlement.organization && groupCommitsSignups(ctx.db)) {
    const outcome = await groupCommittedSignup(ctx, { ...input, entitlement });
    if (outcome) return outcome;
  }
  return inTransaction(ctx, options.dryRun, async (tx) => {
    const now = tx.clock.now().toISOString();
    const organization = await tx.db
      .insertInto('organizations')
      .values({
        id: newOrganizationId(),
        name: input.organization.name ?? null,
        sso_kind: input.organization.sso_config.kind,
        sso_tenant_id: input.organization.sso_config.tenant_id,
        created_by: tx.partnerId,
        activated_at: input.user ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('partner_organizations')
      .values({ partner_id: tx.partnerId, organization_id: organization.id, created_at: now })
      .execute();
    const entitlement = await attachEntitlement(tx, input.entitlement, organization.id);
    if (input.user) await addUser(tx, organization.id, input.user, '/user/email');
    return { organization, entitlement, incomplete: !input.user, dryRun: options.dryRun, linked: false };
  });
}

export async function activateSignup(
  ctx: PartnerContext,
  input: { organizationId: string; user: UserInput },
): Promise<OrganizationRow> {
  return inTransaction(ctx, false, async (tx) => {
    const organization = await findVisibleOrganization(tx.db, tx.partnerId, input.organizationId);
    if (!organization) throw notFound('organization', input.organizationId, { pointer: '/organization_id' });
    const now = tx.clock.now().toISOString();
    // Conditional on activated_at so that of two racing activations exactly one succeeds.
    const activated = await tx.db
      .updateTable('organizations')
      .set({ activated_at: now, updated_at: now })
      .where('id', '=', organization.id)
      .where('activated_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!activated) {
      throw new PartnerError('signup_already_completed', `The signup of organization '${organization.id}' is already complete.`, {
        pointer: '/organization_id',
      });
    }
    await addUser(tx, organization.id, input.user, '/user/email');
    return activated;
  });
}

export async function linkSignup(
  ctx: PartnerContext,
  linkTokens: LinkTokens,
  input: { token: string; organization: OrganizationInput; entitlement: EntitlementInput },
  options: { dryRun: boolean },
): Promise<SignupOutcome> {
  let organizationId: string;
  try {
    ({ organizationId } = await linkTokens.verify(input.token, ctx.partnerId));
  } catch (error) {
    if (error instanceof LinkTokenError) {
      throw new PartnerError(LINK_TOKEN_CODES[error.problem], error.message, { pointer: '/token' });
    }
    throw error;
  }
  return inTransaction(ctx, options.dryRun, async (tx) => {
    const organization = await tx.db.selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirst();
    if (!organization) throw notFound('organization', organizationId, { pointer: '/token' });
    const sso = input.organization.sso_config;
    if (sso.kind !== organization.sso_kind || sso.tenant_id !== organization.sso_tenant_id) {
      throw new PartnerError('sso_config_mismatch', "organization.sso_config does not match the linked organization's single sign-on", {
        pointer: '/organization/sso_config',
      });
    }
    const entitlement = await attachEntitlement(tx, input.entitlement, organization.id);
    const now = tx.clock.now().toISOString();
    await tx.db
      .insertInto('partner_organizations')
      .values({ partner_id: tx.partnerId, organization_id: organization.id, created_at: now })
      .onConflict((oc) => oc.columns(['partner_id', 'organization_id']).doNothing())
      .execute();
    return { organization, entitlement, incomplete: organization.activated_at === null, dryRun: options.dryRun, linked: true };
  });
}
