import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { type Db, nativeOf, type NativeDatabase } from './database.js';
import { PostgresGroupCommit } from './postgres-group-commit.js';
import type { EntitlementsTable, OrganizationsTable, UsersTable } from './schema.js';
import { sqliteGroupCommit, type SqliteGroupCommit, type SqliteJob } from './sqlite-group-commit.js';

// The write path of a partner signup (organization, partner link, entitlement, first user), group-committed:
// signups that arrive together share one database transaction and one commit, and each is answered only after
// that commit. A signup whose external_id is taken writes nothing and does not fail the others.
//
// SQLite: the batch runs synchronously on the one connection, a signup that fails rolled back on its own (see
// src/store/sqlite-group-commit.ts). PostgreSQL: the batch is ONE prepared statement (a data-modifying CTE over
// arrays, one round trip); the entitlement insert goes first with ON CONFLICT DO NOTHING and the other rows join on
// what it inserted, so a taken external_id drops out of the statement instead of failing it. One batch is in flight
// at a time; signups that arrive meanwhile form the next (src/store/postgres-group-commit.ts).

export interface NewSignupRows {
  organization: OrganizationsTable;
  entitlement: Omit<EntitlementsTable, 'seq' | 'organization_id'>;
  user: Omit<UsersTable, 'organization_id'> | null;
}

export type SignupWrite = { written: true; entitlementSeq: number } | { written: false; reason: 'external_id_taken' };

interface Batcher {
  write(rows: NewSignupRows): Promise<SignupWrite>;
}

const batchers = new WeakMap<Db, Batcher>();

/** True when `db` is a store's own database (not a transaction), whose signups can be group-committed. */
export function groupCommitsSignups(db: Db): boolean {
  return nativeOf(db) !== undefined;
}

/** Writes a new signup's rows, committed when the promise resolves; see groupCommitsSignups. */
export function writeNewSignup(db: Db, rows: NewSignupRows): Promise<SignupWrite> {
  let batcher = batchers.get(db);
  if (!batcher) {
    const native: NativeDatabase | undefined = nativeOf(db);
    if (!native) return Promise.reject(new Error('writeNewSignup needs a store database, not a transaction'));
    if (native.dialect === 'sqlite') batcher = new SqliteBatcher(sqliteGroupCommitOf(db), native.database);
    else {
      const { pool } = native;
      batcher = new PostgresGroupCommit((batch: NewSignupRows[]) => commitSignups(pool, batch), native.transactions);
    }
    batchers.set(db, batcher);
  }
  return batcher.write(rows);
}

/** SQLite: each signup is a job of the store's group commit (src/store/sqlite-group-commit.ts). */
function sqliteGroupCommitOf(db: Db): SqliteGroupCommit {
  const committer = sqliteGroupCommit(db);
  if (!committer) throw new Error('no SQLite group commit for this database');
  return committer;
}

class SqliteBatcher implements Batcher {
  private statements: ReturnType<typeof prepareSqlite> | undefined;

  constructor(
    private readonly committer: SqliteGroupCommit,
    private readonly sqlite: SQLite.Database,
  ) {}

  write(rows: NewSignupRows): Promise<SignupWrite> {
    return this.committer.run((job) => writeSqlite((this.statements ??= prepareSqlite(this.sqlite)), job, rows));
  }
}

function prepareSqlite(sqlite: SQLite.Database) {
  return {
    organization: sqlite.prepare(
      `INSERT INTO organizations (id, name, sso_kind, sso_tenant_id, created_by, activated_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    partnerOrganization: sqlite.prepare('INSERT INTO partner_organizations (partner_id, organization_id, created_at) VALUES (?, ?, ?)'),
    entitlement: sqlite.prepare<unknown[], { seq: number }>(
      `INSERT INTO entitlements (id, partner_id, external_id, name, plan_id, product_id, usage_reporting_id, resource_id,
         organization_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (partner_id, external_id) DO NOTHING
       RETURNING seq`,
    ),
    user: sqlite.prepare('INSERT INTO users (id, organization_id, given_name, family_name, email, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    taken: sqlite.prepare('SELECT 1 FROM entitlements WHERE partner_id = ? AND external_id = ?'),
  };
}

/**
 * One signup in the batch. A taken external_id is looked up before anything is written (the batch holds the write
 * lock, so the answer holds until it commits): undoing writes would have the batch run again with savepoints
 * (src/store/sqlite-group-commit.ts). The insert's own conflict check stays behind it.
 */
function writeSqlite(s: ReturnType<typeof prepareSqlite>, job: SqliteJob, { organization: o, entitlement: e, user: u }: NewSignupRows): SignupWrite {
  if (s.taken.get(e.partner_id, e.external_id) !== undefined) return { written: false, reason: 'external_id_taken' };
  s.organization.run(o.id, o.name, o.sso_kind, o.sso_tenant_id, o.created_by, o.activated_at, o.created_at, o.updated_at);
  s.partnerOrganization.run(e.partner_id, o.id, o.created_at);
  const inserted = s.entitlement.get(
    e.id,
    e.partner_id,
    e.external_id,
    e.name,
    e.plan_id,
    e.product_id,
    e.usage_reporting_id,
    e.resource_id,
    o.id,
    e.created_at,
    e.updated_at,
  );
  if (!inserted) {
    job.undo();
    return { written: false, reason: 'external_id_taken' };
  }
  if (u) s.user.run(u.id, o.id, u.given_name, u.family_name, u.email, u.created_at);
  return { written: true, entitlementSeq: Number(inserted.seq) };
}

/** Columns of the batch statement, each sent as one text[] parameter. */
const POSTGRES_COLUMNS = [
  ['org_id', (r: NewSignupRows) => r.organization.id],
  ['org_name', (r: NewSignupRows) => r.organization.name],
  ['sso_kind', (r: NewSignupRows) => r.organization.sso_kind],
  ['sso_tenant_id', (r: NewSignupRows) => r.organization.sso_tenant_id],
  ['created_by', (r: NewSignupRows) => r.organization.created_by],
  ['activated_at', (r: NewSignupRows) => r.organization.activated_at],
  ['org_created_at', (r: NewSignupRows) => r.organization.created_at],
  ['ent_id', (r: NewSignupRows) => r.entitlement.id],
  ['partner_id', (r: NewSignupRows) => r.entitlement.partner_id],
  ['external_id', (r: NewSignupRows) => r.entitlement.external_id],
  ['ent_name', (r: NewSignupRows) => r.entitlement.name],
  ['plan_id', (r: NewSignupRows) => r.entitlement.plan_id],
  ['product_id', (r: NewSignupRows) => r.entitlement.product_id],
  ['usage_reporting_id', (r: NewSignupRows) => r.entitlement.usage_reporting_id],
  ['resource_id', (r: NewSignupRows) => r.entitlement.resource_id],
  ['ent_created_at', (r: NewSignupRows) => r.entitlement.created_at],
  ['user_id', (r: NewSignupRows) => r.user?.id ?? null],
  ['given_name', (r: NewSignupRows) => r.user?.given_name ?? null],
  ['family_name', (r: NewSignupRows) => r.user?.family_name ?? null],
  ['email', (r: NewSignupRows) => r.user?.email ?? null],
  ['user_created_at', (r: NewSignupRows) => r.user?.created_at ?? null],
] as const;

const POSTGRES_BATCH_SQL = `
WITH input AS (
  SELECT * FROM unnest(${POSTGRES_COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')})
    AS i(${POSTGRES_COLUMNS.map(([name]) => name).join(', ')})
),
ent AS (
  INSERT INTO entitlements (id, partner_id, external_id, name, plan_id, product_id, usage_reporting_id, resource_id,
    organization_id, created_at, updated_at)
  SELECT ent_id, partner_id, external_id, ent_name, plan_id, product_id, usage_reporting_id, resource_id,
    org_id, ent_created_at, ent_created_at
  FROM input
  ON CONFLICT (partner_id, external_id) DO NOTHING
  RETURNING seq, organization_id
),
kept AS (SELECT input.* FROM input JOIN ent ON ent.organization_id = input.org_id),
org AS (
  INSERT INTO organizations (id, name, sso_kind, sso_tenant_id, created_by, activated_at, created_at, updated_at)
  SELECT org_id, org_name, sso_kind, sso_tenant_id, created_by, activated_at, org_created_at, org_created_at FROM kept
),
link AS (
  INSERT INTO partner_organizations (partner_id, organization_id, created_at)
  SELECT created_by, org_id, org_created_at FROM kept
),
usr AS (
  INSERT INTO users (id, organization_id, given_name, family_name, email, created_at)
  SELECT user_id, org_id, given_name, family_name, email, user_created_at FROM kept WHERE user_id IS NOT NULL
)
SELECT seq, organization_id FROM ent`;

/** Writes a batch of signups in one statement; its commit is the batch's, durable before the answer comes back. */
async function commitSignups(pool: pg.Pool, batch: NewSignupRows[]): Promise<SignupWrite[]> {
  const values = POSTGRES_COLUMNS.map(([, pick]) => batch.map((rows) => pick(rows)));
  const result = await pool.query<{ seq: number; organization_id: string }>({ name: 'signups_batch', text: POSTGRES_BATCH_SQL, values });
  const seqByOrganization = new Map(result.rows.map((r) => [r.organization_id, Number(r.seq)]));
  return batch.map((rows) => {
    const seq = seqByOrganization.get(rows.organization.id);
    return seq === undefined ? { written: false, reason: 'external_id_taken' } : { written: true, entitlementSeq: seq };
  });
}
