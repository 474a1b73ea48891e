import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DialectName } from '../../src/store/database.js';

/** The dialects this run covers, as chosen by scripts/run-tests.mjs (SQLite only when run directly). */
export function testDialects(): DialectName[] {
  const chosen = (process.env.SIGNUPS_TEST_DIALECTS ?? 'sqlite').split(',').filter((d) => d === 'sqlite' || d === 'postgres');
  return chosen.length > 0 ? (chosen as DialectName[]) : ['sqlite'];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database on the server named by SIGNUPS_TEST_POSTGRES_URL. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const admin = process.env.SIGNUPS_TEST_POSTGRES_URL;
  if (!admin) throw new Error('SIGNUPS_TEST_POSTGRES_URL is not set');
  const name = `signups_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
