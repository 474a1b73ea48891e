import { type Kysely, sql } from 'kysely';

/**
 * PostgreSQL only. Every change record sends a notification on the channel `signups_changes` naming its tenant and
 * namespace (separated by U+001F). NOTIFY is transactional: listeners hear it once the write commits, on every
 * server process. SQLite has no such thing across processes; src/store/change-signals.ts signals within the process.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function signups_change_signal() returns trigger language plpgsql as $$
    begin
      perform pg_notify('signups_changes', new.tenant_id || chr(31) || new.namespace_id);
      return null;
    end $$`.execute(db);
  await sql`drop trigger if exists change_log_signal on change_log`.execute(db);
  await sql`create trigger change_log_signal after insert on change_log for each row execute function signups_change_signal()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists change_log_signal on change_log`.execute(db);
  await sql`drop function if exists signups_change_signal()`.execute(db);
}
