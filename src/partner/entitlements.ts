import type { EntitlementRow } from '../store/schema.js';
import type { Db } from '../store/database.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import { notFound, PartnerError } from './errors.js';
import { newEntitlementId } from './ids.js';
import { decodePageToken, type Page, toPage } from './paging.js';
import type { EntitlementDetailsInput, PartnerContext } from './types.js';
import { findVisibleOrganization } from './organizations.js';
import { idFromUrl } from './representation.js';

export async function findEntitlement(db: Db, partnerId: string, id: string): Promise<EntitlementRow | undefined> {
  return db.selectFrom('entitlements').selectAll().where('partner_id', '=', partnerId).where('id', '=', id).executeTakeFirst();
}

export async function findEntitlementByExternalId(db: Db, partnerId: string, externalId: string): Promise<EntitlementRow | undefined> {
  return db
    .selectFrom('entitlements')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export const duplicateExternalId = (externalId: string, existingId: string, pointer: string): PartnerError =>
  new PartnerError('resource_already_exists', `The entitlement with external_id '${externalId}' already exists.`, {
    pointer,
    conflictingEntitlementId: existingId,
  });

/** Thrown inside a transaction when an insert lost a race on `external_id`; translated once the transaction is gone. */
export class ExternalIdTaken extends Error {
  constructor(
    readonly externalId: string,
    readonly pointer: string,
  ) {
    super(`external_id '${externalId}' is taken`);
  }
}

/**
 * Inserts a new entitlement. A duplicate `external_id` is found by a read first and, when two requests race,
 * by the unique index; either way the caller learns it as a conflict naming the existing entitlement.
 */
export async function insertEntitlement(
  ctx: PartnerContext,
  details: EntitlementDetailsInput,
  organizationId: string | null,
  pointer: string,
): Promise<EntitlementRow> {
  const existing = await findEntitlementByExternalId(ctx.db, ctx.partnerId, details.external_id);
  if (existing) throw duplicateExternalId(details.external_id, existing.id, pointer);
  const now = ctx.clock.now().toISOString();
  const row = {
    id: newEntitlementId(),
    partner_id: ctx.partnerId,
    external_id: details.external_id,
    name: details.name,
    plan_id: details.plan_id,
    product_id: details.product_id,
    usage_reporting_id: details.usage_reporting_id ?? null,
    resource_id: details.resource_id ?? null,
    organization_id: organizationId,
    created_at: now,
    updated_at: now,
  };
  try {
    return await ctx.db.insertInto('entitlements').values(row).returningAll().executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ExternalIdTaken(details.external_id, pointer);
    throw error;
  }
}

/** Turns a lost `external_id` race into the conflict a client sees, after the failed transaction rolled back. */
export async function explainExternalIdTaken(db: Db, partnerId: string, error: unknown): Promise<never> {
  if (error instanceof ExternalIdTaken) {
    const existing = await findEntitlementByExternalId(db, partnerId, error.externalId);
    if (existing) throw duplicateExternalId(error.externalId, existing.id, error.pointer);
  }
  throw error;
}

export async function createEntitlement(ctx: PartnerContext, details: EntitlementDetailsInput): Promise<EntitlementRow> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tx = { ...ctx, db: trx };
      let organizationId: string | null = null;
      if (details.organization) {
        const orgId = idFromUrl(details.organization.related, 'organizations');
        const org = orgId ? await findVisibleOrganization(trx, ctx.partnerId, orgId) : undefined;
        if (!org) {
          throw notFound('organization', orgId ?? details.organization.related, {
            pointer: '/organization/related',
          });
        }
        organizationId = org.id;
      }
      return insertEntitlement(tx, details, organizationId, '/external_id');
    });
  } catch (error) {
    return explainExternalIdTaken(ctx.db, ctx.partnerId, error);
  }
}

export async function getEntitlement(ctx: PartnerContext, id: string, organizationId?: string): Promise<EntitlementRow> {
  const row = await findEntitlement(ctx.db, ctx.partnerId, id);
  if (!row || (organizationId !== undefined && row.organization_id !== organizationId)) throw notFound('entitlement', id);
  return row;
}

export async function listEntitlements(
  ctx: PartnerContext,
  query: { organizationId?: string; pageSize: number; pageToken?: string },
): Promise<Page<EntitlementRow>> {
  const after = decodePageToken(query.pageToken);
  let base = ctx.db.selectFrom('entitlements').where('partner_id', '=', ctx.partnerId);
  if (query.organizationId !== undefined) base = base.where('organization_id', '=', query.organizationId);
  const [rows, total] = await Promise.all([
    base.selectAll().where('seq', '>', after).orderBy('seq').limit(query.pageSize + 1).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return toPage(rows, query.pageSize, Number(total.n));
}
