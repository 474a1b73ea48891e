import { type Kysely, sql } from 'kysely';
import { sdsWriteBatchFunction } from './0011-sds-write-batch.js';

/**
 * PostgreSQL only: sds_write_batch checks an Insert's or a Replace's indexes with one lookup of the events' primary
 * key per event of the write, whatever the stream already holds.
 *
 * Why: the check it replaces was a semi-join of the write's keys with the stream's events. PL/pgSQL keeps a generic
 * plan of it for the session, and with the statistics of a young table (a stream of about one row) that plan hashed
 * every event of the stream to find the write's few keys: a single-event write into a stream of 3,000 events read
 * all 3,000 (milliseconds, inside the batch's locks), and the cost grew with the stream. Each key now goes to a
 * subquery that the planner cannot merge into a join (it has a LIMIT), so it runs once per key, as an equality on
 * the whole primary key: one index descent, on any plan and any statistics.
 *
 * The rest of the function is as migrations 0011 and 0012 made it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
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
      lo int;
      hi int;
      pos bigint;
      s record;
      outcomes text[] := array_fill(null::text, array[n]);
      details bigint[] := array_fill(null::bigint, array[n]);
    begin
      perform set_config('signups.change_signal', 'off', true);
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
        -- LIMIT keeps each probe a subquery of its own, run per key with the whole primary key (see above).
        if w_mode[i] = 'Insert' then
          select min(e.pos) into pos from unnest(e_key[lo:hi]) with ordinality as e(key, pos)
            cross join lateral (select 1 from sds_events ev where ev.tenant_id = w_tenant[i] and ev.namespace_id = w_namespace[i]
              and ev.stream_id = w_stream[i] and ev.index_key = e.key limit 1) as taken;
          if pos is not null then
            outcomes[i] := 'exists';
            details[i] := pos;
            continue;
          end if;
        elsif w_mode[i] = 'Replace' then
          select min(e.pos) into pos from unnest(e_key[lo:hi]) with ordinality as e(key, pos)
            left join lateral (select true as hit from sds_events ev where ev.tenant_id = w_tenant[i] and ev.namespace_id = w_namespace[i]
              and ev.stream_id = w_stream[i] and ev.index_key = e.key limit 1) as taken on true
            where taken.hit is null;
          if pos is not null then
            outcomes[i] := 'missing';
            details[i] := pos;
            continue;
          end if;
        end if;
        if w_mode[i] = 'Insert' then
          insert into sds_events (tenant_id, namespace_id, stream_id, index_key, event)
            select w_tenant[i], w_namespace[i], w_stream[i], e.key, e.event from unnest(e_key[lo:hi], e_event[lo:hi]) as e(key, event);
        else
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
    end $$`.execute(db);
}

/** Back to the function as migration 0012 left it. */
export async function down(db: Kysely<any>): Promise<void> {
  await sdsWriteBatchFunction(`perform set_config('signups.change_signal', 'off', true);`).execute(db);
}
