import type { Db } from '../store/database.js';
import type { OrganizationRow } from '../store/schema.js';
import { notFound } from './errors.js';
import { decodePageToken, type Page, toPage } from './paging.js';
import type { PartnerContext } from './types.js';

/** An organization the partner signed up or linked; others' organizations do not exist for it. */
export async function findVisibleOrganization(db: Db, partnerId: string, id: string): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations')
    .innerJoin('partner_organizations as po', 'po.organization_id', 'organizations.id')
    .selectAll('organizations')
    .where('po.partner_id', '=', partnerId)
    .where('organizations.id', '=', id)
    .executeTakeFirst();
}

export async function getOrganization(ctx: PartnerContext, id: string): Promise<OrganizationRow> {
  const row = await findVisibleOrganization(ctx.db, ctx.partnerId, id);
  if (!row) throw notFound('organization', id);
  return row;
}

export async function listOrganizations(
  ctx: PartnerContext,
  query: { pageSize: number; pageToken?: string },
): Promise<Page<OrganizationRow>> {
  const after = decodePageToken(query.pageToken);
  const base = ctx.db
    .selectFrom('partner_organizations as po')
    .innerJoin('organizations', 'organizations.id', 'po.organization_id')
    .where('po.partner_id', '=', ctx.partnerId);
  const [rows, total] = await Promise.all([
    base.selectAll('organizations').select('po.seq').where('po.seq', '>', after).orderBy('po.seq').limit(query.pageSize + 1).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // Paging walks the partner's links (its signups and links), in the order they were made.
  const page = toPage(rows, query.pageSize, Number(total.n));
  return { ...page, items: page.items.map(({ seq: _seq, ...organization }) => organization) };
}
