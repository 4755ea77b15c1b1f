-- One transaction of 1,000 transfers between 2,000 distinct accounts, as SetBasedWrites writes it.
\set o random(0, 7999)
begin;
select id, data from storage_models.cur_accounts where id = any(array(select id from storage_models.ids where n >= :o and n < :o + 2000)) order by id for update;
select id, data from storage_models.cur_records where id = any(array(select gen_random_uuid() from generate_series(1, 1000)));
insert into storage_models.cur_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived)
  select nextval('storage_models.seq'), gen_random_uuid(), i.id, nextval('storage_models.seq'),
    ('{"at": "2026-11-25T03:49:48.1743363+00:00", "by": {"actorId": "coordinator:bench-a", "channel": "bench"}, "code": "Service", "memo": "", "side": "Credit", "accountId": "' || i.id || '", "transferId": "dfcd65a7-936c-4e13-a37b-d911b0b3355d", "amountMinutes": 1, "balanceAfterMinutes": ' || i.n || ', "counterpartyAccountId": "2ec397e4-3ed0-468b-a50a-55e453e53baf"}')::jsonb,
    'entry_posted', '*DEFAULT*', now(), 'EPoomasi.Ledger.Accounts.EntryPosted, EPoomasi.Ledger', false
  from storage_models.ids i where i.n >= :o and i.n < :o + 2000;
update storage_models.cur_streams s set version = s.version + 1, timestamp = now()
  where s.id = any(array(select id from storage_models.ids where n >= :o and n < :o + 2000));
update storage_models.cur_accounts a set mt_version = gen_random_uuid(), mt_last_modified = transaction_timestamp(),
    data = ('{"id": "' || a.id || '", "cap": 600000, "kind": "Member", "floor": -60000, "status": "Open", "balance": ' || :o || ', "version": 2, "openedAt": "2026-11-25T03:23:34.435084+00:00", "available": 0, "districtId": "bench-a", "debitsPosted": 0, "creditsPosted": 0, "debitsPending": 0, "creditsPending": 0, "isWithinLimits": true}')::jsonb
  where a.id = any(array(select id from storage_models.ids where n >= :o and n < :o + 2000));
insert into storage_models.cur_records (id, data, mt_version, mt_dotnet_type, mt_last_modified)
  select u, ('{"at": "2026-11-25T03:23:48.0957514+00:00", "by": {"actorId": "coordinator:bench-a", "channel": "bench"}, "id": "' || u || '", "code": "Service", "kind": "Transfer", "legs": [{"debitAccountId": "163757cf-0fe0-417e-b97f-5355ce968df7", "creditAccountId": "1fe1d259-ab8d-4c8c-bb7f-33039bb3967f"}], "memo": "", "result": "Ok", "amountMinutes": 1, "isPendingHold": false, "debitAccountId": "163757cf-0fe0-417e-b97f-5355ce968df7", "creditAccountId": "1fe1d259-ab8d-4c8c-bb7f-33039bb3967f"}')::jsonb,
    gen_random_uuid(), 'EPoomasi.Ledger.Transfers.TransferRecord', transaction_timestamp()
  from (select gen_random_uuid() u from generate_series(1, 1000)) r;
commit;
