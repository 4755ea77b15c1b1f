-- The same transaction in the narrow model: one journal event holding the 1,000 transfers, narrow rows for
-- the 2,000 entries, balances and the 1,000 outcomes.
\set o random(0, 7999)
begin;
select id, district_id, kind, status, floor, cap, debits_posted, credits_posted, debits_pending, credits_pending, version
  from storage_models.nar_balances where id = any(array(select id from storage_models.ids where n >= :o and n < :o + 2000)) order by id for update;
select id, result from storage_models.nar_outcomes where id = any(array(select gen_random_uuid() from generate_series(1, 1000)));
with stream as (
  insert into storage_models.nar_streams (id, type, version) values (gen_random_uuid(), 'journal', 1) returning id)
insert into storage_models.nar_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived)
  select nextval('storage_models.seq'), gen_random_uuid(), stream.id, 1,
    ('{"at": "2026-11-25T03:49:48.1743363+00:00", "by": {"actorId": "coordinator:bench-a", "channel": "bench"}, "transfers": ['
      || (select string_agg('{"id": "' || gen_random_uuid() || '", "debit": "' || d.id || '", "credit": "' || c.id || '", "amountMinutes": 1, "code": "Service"}', ', ')
          from storage_models.ids d join storage_models.ids c on c.n = d.n + 1 where d.n >= :o and d.n < :o + 2000 and (d.n - :o) % 2 = 0)
      || ']}')::jsonb,
    'transfers_posted', '*DEFAULT*', now(), 'EPoomasi.Ledger.Journal.TransfersPosted, EPoomasi.Ledger', false
  from stream;
insert into storage_models.nar_entries (account_id, version, transfer_id, amount, balance_after, journal_seq)
  select i.id, nextval('storage_models.seq'), gen_random_uuid(), 1, i.n, currval('storage_models.seq')
  from storage_models.ids i where i.n >= :o and i.n < :o + 2000;
update storage_models.nar_balances b set credits_posted = b.credits_posted + 1, version = b.version + 1
  where b.id = any(array(select id from storage_models.ids where n >= :o and n < :o + 2000));
insert into storage_models.nar_outcomes (id, result, journal_seq)
  select gen_random_uuid(), 0, currval('storage_models.seq') from generate_series(1, 1000);
commit;
