import { type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * PostgreSQL only: `sds_write_batch`, which writes a batch of SDS data writes (Insert, Update, Replace) with their change
 * records in ONE statement, so that a batch costs one round trip and one commit (src/store/sds-writes.ts).
 *
 * It first takes every change-log lock of the batch, before anything gives the transaction an id, in key order so
 * two batches cannot deadlock (the scheme is in src/store/change-log.ts). Then, for each write: it locks the stream
 * row and checks that the stream, its access columns and its type's key are still those the caller checked (else
 * 'stale': the caller writes it again the ordinary way); Insert refuses an index that exists ('exists', with the
 * 1-based position of the first such event), Replace one that does not ('missing'); then it writes the events and
 * the change record at `xid * 2048 + ordinal` ('written', with that position). A refused write writes nothing.
 * Events of write i are e_key/e_event[w_first[i] .. w_first[i] + w_count[i] - 1].
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sdsWriteBatchFunction('').execute(db);
}

/** The function as this migration creates it, with `firstStep` (PL/pgSQL) run before anything else (see 0012). */
export function sdsWriteBatchFunction(firstStep: string): RawBuilder<unknown> {
  return sql`
    create or replace function sds_write_batch(
      w_tenant text[], w_namespace text[], w_stream text[], w_mode text[],
      w_type text[], w_owner_type text[], w_owner_object text[], w_owner_tenant text[], w_acl text[],
      w_key_property text[], w_key_type_code int[], w_changes text[], w_created_at text[],
      w_first int[], w_count int[], e_key text[], e_event text[]
    ) returns table (outcome text, detail bigint) language plpgsql as $$
    declare
      n int := coalesce(array_length(w_stream, 1), 0);
      k bigint;
      base bigint;
      ordinal int := 0;
      pos bigint;
      lo int;
      hi int;
      s record;
      outcomes text[] := array_fill(null::text, array[n]);
      details bigint[] := array_fill(null::bigint, array[n]);
    begin
      ${sql.raw(firstStep)}
      for k in
        select distinct hashtextextended('change-log' || chr(31) || t || chr(31) || ns, 0)
        from unnest(w_tenant, w_namespace) as u(t, ns) order by 1
      loop
        perform pg_advisory_xact_lock_shared(k);
      end loop;
      for k in
        select distinct hashtextextended('change-log' || chr(31) || t || chr(31) || ns || chr(31) || st, 0)
        from unnest(w_tenant, w_namespace, w_stream) as u(t, ns, st) order by 1
      loop
        perform pg_advisory_xact_lock(k);
      end loop;
      base := pg_current_xact_id()::text::bigint * 2048;
      for i in 1 .. n loop
        select st.type_id, st.owner_type, st.owner_object_id, st.owner_tenant_id, st.acl, ty.key_property, ty.key_type_code
          into s
          from sds_streams st
          join sds_types ty on ty.tenant_id = st.tenant_id and ty.namespace_id = st.namespace_id and ty.id = st.type_id
          where st.tenant_id = w_tenant[i] and st.namespace_id = w_namespace[i] and st.id = w_stream[i]
          for update of st;
        if not found or s.type_id is distinct from w_type[i] or s.owner_type is distinct from w_owner_type[i]
          or s.owner_object_id is distinct from w_owner_object[i] or s.owner_tenant_id is distinct from w_owner_tenant[i]
          or s.acl is distinct from w_acl[i] or s.key_property is distinct from w_key_property[i]
          or s.key_type_code is distinct from w_key_type_code[i] then
          outcomes[i] := 'stale';
          continue;
        end if;
        lo := w_first[i];
        hi := w_first[i] + w_count[i] - 1;
        if w_mode[i] = 'Insert' then
          select e.pos into pos from unnest(e_key[lo:hi]) with ordinality as e(key, pos)
            where exists (select 1 from sds_events ev where ev.tenant_id = w_tenant[i] and ev.namespace_id = w_namespace[i]
              and ev.stream_id = w_stream[i] and ev.index_key = e.key)
            order by e.pos limit 1;
          if found then
            outcomes[i] := 'exists';
            details[i] := pos;
            continue;
          end if;
          insert into sds_events (tenant_id, namespace_id, stream_id, index_key, event)
            select w_tenant[i], w_namespace[i], w_stream[i], e.key, e.event from unnest(e_key[lo:hi], e_event[lo:hi]) as e(key, event);
        else
          if w_mode[i] = 'Replace' then
            select e.pos into pos from unnest(e_key[lo:hi]) with ordinality as e(key, pos)
              where not exists (select 1 from sds_events ev where ev.tenant_id = w_tenant[i] and ev.namespace_id = w_namespace[i]
                and ev.stream_id = w_stream[i] and ev.index_key = e.key)
              order by e.pos limit 1;
            if found then
              outcomes[i] := 'missing';
              details[i] := pos;
              continue;
            end if;
          end if;
          insert into sds_events (tenant_id, namespace_id, stream_id, index_key, event)
            select w_tenant[i], w_namespace[i], w_stream[i], e.key, e.event from unnest(e_key[lo:hi], e_event[lo:hi]) as e(key, event)
            on conflict (tenant_id, namespace_id, stream_id, index_key) do update set event = excluded.event;
        end if;
        if ordinal >= 2047 then
          raise exception 'a transaction may record at most 2047 changes';
        end if;
        insert into change_log (tenant_id, namespace_id, seq, stream_id, operation, events, created_at)
          values (w_tenant[i], w_namespace[i], base + ordinal, w_stream[i], w_mode[i], w_changes[i], w_created_at[i]);
        outcomes[i] := 'written';
        details[i] := base + ordinal;
        ordinal := ordinal + 1;
      end loop;
      return query select * from unnest(outcomes, details);
    end $$`;
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists sds_write_batch(text[], text[], text[], text[], text[], text[], text[], text[], text[], text[], int[], text[], text[], int[], int[], text[], text[])`.execute(db);
}
