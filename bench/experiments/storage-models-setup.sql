-- Two physical models of the same transfer transaction, side by side in a scratch schema.
-- "current": what SetBasedWrites writes today into Marten's tables (JSON documents and one event per entry).
-- "narrow": one journal event per transaction, narrow rows for entries, balances and outcomes.
drop schema if exists storage_models cascade;
create schema storage_models;
set search_path = storage_models;

create table ids (n int primary key, id uuid not null unique);
insert into ids select n, gen_random_uuid() from generate_series(0, 9999) n;
create sequence seq;

-- current
create table cur_streams (id uuid primary key, type varchar, version bigint, timestamp timestamptz not null default now(),
  created timestamptz not null default now(), tenant_id varchar default '*DEFAULT*', compacted_version bigint not null default 0,
  is_archived bool default false) with (fillfactor = 50);
create table cur_accounts (id uuid primary key, data jsonb not null, mt_last_modified timestamptz, mt_version uuid not null,
  mt_dotnet_type varchar, district_id varchar) with (fillfactor = 50);
create index on cur_accounts (district_id);
create table cur_events (seq_id bigint primary key, id uuid not null, stream_id uuid references cur_streams (id) on delete cascade,
  version bigint not null, data jsonb not null, bdata bytea, type varchar(500) not null, timestamp timestamptz not null,
  tenant_id varchar, mt_dotnet_type varchar, is_archived bool default false);
create unique index on cur_events (stream_id, version);
create table cur_records (id uuid primary key, data jsonb not null, mt_last_modified timestamptz, mt_version uuid not null,
  mt_dotnet_type varchar, hold_state varchar, expires_at timestamptz);
create index on cur_records (hold_state) where hold_state is not null;
create index on cur_records (expires_at) where expires_at is not null;
insert into cur_streams (id, type, version) select id, 'account', 1 from ids;
insert into cur_accounts select id, ('{"id": "' || id || '", "cap": 600000, "kind": "Member", "floor": -60000, "status": "Open", "balance": 0, "version": 1, "openedAt": "2026-11-25T03:23:34.435084+00:00", "available": 0, "districtId": "bench-a", "debitsPosted": 0, "creditsPosted": 0, "debitsPending": 0, "creditsPending": 0, "isWithinLimits": true}')::jsonb,
  now(), gen_random_uuid(), 'EPoomasi.Ledger.Accounts.Account', 'bench-a' from ids;

-- narrow
create table nar_streams (like cur_streams including all);
create table nar_events (like cur_events including all);
alter table nar_events add foreign key (stream_id) references nar_streams (id) on delete cascade;
create table nar_balances (id uuid primary key, district_id varchar not null, kind smallint not null, status smallint not null,
  floor bigint not null, cap bigint not null, debits_posted bigint not null, credits_posted bigint not null,
  debits_pending bigint not null, credits_pending bigint not null, version bigint not null) with (fillfactor = 50);
create table nar_entries (account_id uuid not null, version bigint not null, transfer_id uuid not null, amount bigint not null,
  balance_after bigint not null, journal_seq bigint not null, primary key (account_id, version));
create table nar_outcomes (id uuid primary key, result smallint not null, journal_seq bigint not null);
insert into nar_balances select id, 'bench-a', 1, 1, -60000, 600000, 0, 0, 0, 0, 1 from ids;
vacuum analyze;
