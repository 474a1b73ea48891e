import { type Kysely, sql } from 'kysely';
import { up as changeSignalTrigger } from './0006-change-signals.js';
import { sdsWriteBatchFunction } from './0011-sds-write-batch.js';

/**
 * PostgreSQL only: a batch of SDS data writes (sds_write_batch) no longer NOTIFYs inside its transaction; the process
 * that sent it signals the batch's namespaces right after the commit, in a statement of its own
 * (src/store/change-signals.ts, notifyCommitted).
 *
 * Why: a transaction that NOTIFYs takes, at commit, one lock for the whole server and keeps it until its commit
 * record is on disk (so that the notification queue is in commit order). Every notifying commit, of any process
 * and any database on the server, waited for the previous one's disk flush: concurrent batches could not share a
 * flush, and a second server process only made the batches smaller. A statement that only notifies, without
 * waiting for the disk, holds that lock for a moment.
 *
 * The trigger stays for every other writer of change_log: it is quiet only in a transaction that set
 * `signups.change_signal` to 'off', which sds_write_batch now does first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function signups_change_signal() returns trigger language plpgsql as $$
    begin
      if current_setting('signups.change_signal', true) is distinct from 'off' then
        perform pg_notify('signups_changes', new.tenant_id || chr(31) || new.namespace_id);
      end if;
      return null;
    end $$`.execute(db);
  await sdsWriteBatchFunction(`perform set_config('signups.change_signal', 'off', true);`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sdsWriteBatchFunction('').execute(db);
  await changeSignalTrigger(db);
}
