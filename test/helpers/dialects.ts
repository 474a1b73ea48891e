import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type DialectName, openStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/** The dialects this run covers, as chosen by scripts/run-tests.mjs (SQLite only when run directly). */
export function testDialects(): DialectName[] {
  const chosen = (process.env.SIGNUPS_TEST_DIALECTS ?? 'sqlite').split(',').filter((d) => d === 'sqlite' || d === 'postgres');
  return chosen.length > 0 ? (chosen as DialectName[]) : ['sqlite'];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const STORE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'store');

/** Names the schema the migrations build, so that a copy made for other migrations is never reused. */
function schemaVersion(): string {
  const hash = createHash('sha256').update(readFileSync(join(STORE, 'migrate.ts')));
  const migrations = join(STORE, 'migrations');
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(join(migrations, name)));
  return hash.digest('hex').slice(0, 16);
}

function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin<T>(admin: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Any 64-bit number of our own: test processes take it while one of them builds the template.
const TEMPLATE_LOCK = 4_715_902_113;
let template: Promise<string> | undefined;

/**
 * A database migrated to the latest schema, built once per schema (by whichever test process comes first, under
 * an advisory lock) and kept on the server for later runs: copying it is much cheaper than migrating anew.
 */
function migratedTemplate(admin: string): Promise<string> {
  template ??= onAdmin(admin, async (client) => {
    const name = `signups_template_${schemaVersion()}`;
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        // Built under another name and renamed when complete, so that a run killed halfway leaves no half schema.
        const building = `${name}_building`;
        await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${building}`);
        const store = openStore(databaseUrl(admin, building));
        try {
          await migrateToLatest(store);
        } finally {
          await store.close();
        }
        await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
    return name;
  });
  return template;
}

/**
 * A fresh PostgreSQL database on the server named by SIGNUPS_TEST_POSTGRES_URL: empty, or with `migrated` a copy
 * of one already at the latest schema.
 */
export async function createPostgresDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const admin = process.env.SIGNUPS_TEST_POSTGRES_URL;
  if (!admin) throw new Error('SIGNUPS_TEST_POSTGRES_URL is not set');
  const name = `signups_t_${randomBytes(6).toString('hex')}`;
  const from = options.migrated ? ` TEMPLATE ${await migratedTemplate(admin)}` : '';
  await onAdmin(admin, (client) => client.query(`CREATE DATABASE ${name}${from}`));
  return {
    url: databaseUrl(admin, name),
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

let sqliteTemplate: Promise<string> | undefined;

/** A SQLite file at the latest schema, migrated once per schema and kept in the temporary folder for later runs. */
function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const file = join(tmpdir(), `signups-test-template-${schemaVersion()}.db`);
    if (existsSync(file)) return file;
    // Built in a folder of its own and renamed into place: a reader never sees a half-built file.
    const dir = mkdtempSync(join(tmpdir(), 'signups-template-'));
    try {
      const building = join(dir, 'template.db');
      const store = openStore(`sqlite:${building}`);
      try {
        await migrateToLatest(store);
      } finally {
        await store.close();
      }
      renameSync(building, file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return file;
  })();
  return sqliteTemplate;
}

/** A fresh SQLite file at the latest schema, in a folder of its own that `drop` removes. */
export async function createSqliteDatabase(): Promise<TestDatabase> {
  const template = await migratedSqliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'signups-test-'));
  const file = join(dir, 'test.db');
  copyFileSync(template, file);
  return { url: `sqlite:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
