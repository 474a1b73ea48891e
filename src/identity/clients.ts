import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../store/database.js';
import type { Clock } from '../store/clock.js';
import { hashSecret, verifySecret } from './secret-hash.js';
import { parseScopes } from './scopes.js';

export interface Client {
  id: string;
  name: string;
  scopes: string[];
  tenantId: string | null;
}

export interface CreatedClient extends Client {
  secret: string;
}

export async function createClient(
  db: Db,
  clock: Clock,
  input: { name: string; scopes: readonly string[]; tenantId?: string | null },
): Promise<CreatedClient> {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  await db
    .insertInto('clients')
    .values({
      id,
      name: input.name,
      secret_hash: await hashSecret(secret),
      scopes: input.scopes.join(' '),
      tenant_id: input.tenantId ?? null,
      created_at: clock.now().toISOString(),
    })
    .execute();
  return { id, name: input.name, scopes: [...input.scopes], tenantId: input.tenantId ?? null, secret };
}

/** The client whose id and secret match, or null; the same answer (and similar time) for an unknown id. */
export async function authenticateClient(db: Db, clientId: string, secret: string): Promise<Client | null> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirst();
  const ok = await verifySecret(secret, row?.secret_hash ?? DUMMY_HASH);
  if (!row || !ok) return null;
  return { id: row.id, name: row.name, scopes: parseScopes(row.scopes), tenantId: row.tenant_id };
}

// Verified against when the client id is unknown, so timing does not tell which ids exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
