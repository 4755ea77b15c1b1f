--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: ledger; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA ledger;


--
-- Name: mt_archive_stream(uuid); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_archive_stream(streamid uuid) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  update ledger.mt_streams set is_archived = TRUE where id = streamid ;
  update ledger.mt_events set is_archived = TRUE where stream_id = streamid ;
END;
$$;


--
-- Name: mt_grams_array(text, boolean); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_grams_array(words text, use_unaccent boolean DEFAULT false) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
        DECLARE
result text[];
        DECLARE
word text;
        DECLARE
clean_word text;
BEGIN
                FOREACH
word IN ARRAY string_to_array(words, ' ')
                LOOP
                     clean_word = regexp_replace(ledger.mt_safe_unaccent(use_unaccent, word), '[^a-zA-Z0-9]+', '','g');
FOR i IN 1 .. length(clean_word)
                     LOOP
                         result := result || quote_literal(substr(lower(clean_word), i, 1));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 2));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 3));
END LOOP;
END LOOP;

RETURN ARRAY(SELECT DISTINCT e FROM unnest(result) AS a(e) ORDER BY e);
END;
$$;


--
-- Name: mt_grams_query(text, boolean); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_grams_query(text, use_unaccent boolean DEFAULT false) RETURNS tsquery
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(ledger.mt_grams_array($1, use_unaccent), ' & ') ::tsquery);
END
$_$;


--
-- Name: mt_grams_vector(text, boolean); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_grams_vector(text, use_unaccent boolean DEFAULT false) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(ledger.mt_grams_array($1, use_unaccent), ' ') ::tsvector);
END
$_$;


--
-- Name: mt_immutable_date(text); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_immutable_date(value text) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$
select value::date

$$;


--
-- Name: mt_immutable_time(text); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_immutable_time(value text) RETURNS time without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::time

$$;


--
-- Name: mt_immutable_timestamp(text); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_immutable_timestamp(value text) RETURNS timestamp without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamp

$$;


--
-- Name: mt_immutable_timestamptz(text); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_immutable_timestamptz(value text) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamptz

$$;


--
-- Name: mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    patch_expression ALIAS FOR $5;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
            END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    tmp_value jsonb;
    _key text;
BEGIN
    tmp_value = retval #> location;

    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN NOT tmp_value ?| ARRAY(SELECT jsonb_object_keys(val)) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_copy(jsonb, text[], text[]); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_copy(jsonb, text[], text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_path ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = ledger.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value::jsonb, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_duplicate(jsonb, text[], jsonb); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_duplicate(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    targets ALIAS FOR $3;
    tmp_value jsonb;
    target_path text[];
    target text;
BEGIN
    FOR target IN SELECT jsonb_array_elements_text(targets)
    LOOP
        target_path = ledger.mt_jsonb_path_to_array(target, '\.');
        retval = ledger.mt_jsonb_copy(retval, location, target_path);
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_fix_null_parent(jsonb, text[]); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_fix_null_parent(jsonb, text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    dst_path ALIAS FOR $2;
    dst_path_segment text[] = ARRAY[]::text[];
    dst_path_array_length integer;
    i integer = 1;
BEGIN
    dst_path_array_length = array_length(dst_path, 1);
    WHILE i <=(dst_path_array_length - 1)
    LOOP
        dst_path_segment = dst_path_segment || ARRAY[dst_path[i]];
        IF retval #> dst_path_segment IS NULL OR retval #> dst_path_segment = 'null'::jsonb THEN
            retval = jsonb_set(retval, dst_path_segment, '{}'::jsonb, TRUE);
        END IF;
        i = i + 1;
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_increment(jsonb, text[], numeric); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_increment(jsonb, text[], numeric) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    location ALIAS FOR $2;
    increment_value ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NULL THEN
        tmp_value = to_jsonb(0);
END IF;

RETURN jsonb_set(retval, location, to_jsonb(tmp_value::numeric + increment_value), TRUE);
END;
$_$;


--
-- Name: mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    elm_index ALIAS FOR $4;
    if_not_exists ALIAS FOR $5;
    patch_expression ALIAS FOR $6;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF elm_index IS NULL THEN
            elm_index = jsonb_array_length(tmp_value) + 1;
        END IF;
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_move(jsonb, text[], text); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_move(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_name ALIAS FOR $3;
    dst_path text[];
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = retval #- src_path;
    dst_path = src_path;
    dst_path[array_length(dst_path, 1)] = dst_name;
    retval = ledger.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_patch(jsonb, jsonb); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_patch(jsonb, jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    patchset ALIAS FOR $2;
    patch jsonb;
    patch_path text[];
    patch_expression jsonb;
    value jsonb;
BEGIN
    FOR patch IN SELECT * from jsonb_array_elements(patchset)
    LOOP
        patch_path = ledger.mt_jsonb_path_to_array((patch->>'path')::text, '\.');

        patch_expression = null;
        IF (patch->>'type') IN ('remove', 'append_if_not_exists', 'insert_if_not_exists') AND (patch->>'expression') IS NOT NULL THEN
            patch_expression = jsonb_path_query_array(retval #> patch_path, (patch->>'expression')::jsonpath);
        END IF;

        CASE patch->>'type'
            WHEN 'set' THEN
                retval = jsonb_set(retval, patch_path, (patch->'value')::jsonb, TRUE);
            WHEN 'delete' THEN
                retval = retval#-patch_path;
            WHEN 'append' THEN
                retval = ledger.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, FALSE);
            WHEN 'append_if_not_exists' THEN
                retval = ledger.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, TRUE, patch_expression);
            WHEN 'append_key_value' THEN
                retval = ledger.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, FALSE);
            WHEN 'append_key_value_if_not_exists' THEN
                retval = ledger.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, TRUE);
            WHEN 'insert' THEN
                retval = ledger.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, FALSE);
            WHEN 'insert_if_not_exists' THEN
                retval = ledger.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, TRUE, patch_expression);
            WHEN 'remove' THEN
                retval = ledger.mt_jsonb_remove(retval, patch_path, COALESCE(patch_expression, (patch->'value')::jsonb));
            WHEN 'remove_key' THEN
                retval = ledger.mt_jsonb_remove_key(retval, patch_path, (patch->>'key'));
            WHEN 'duplicate' THEN
                retval = ledger.mt_jsonb_duplicate(retval, patch_path, (patch->'targets')::jsonb);
            WHEN 'rename' THEN
                retval = ledger.mt_jsonb_move(retval, patch_path, (patch->>'to')::text);
            WHEN 'increment' THEN
                retval = ledger.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            WHEN 'increment_float' THEN
                retval = ledger.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            ELSE NULL;
        END CASE;
    END LOOP;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_path_to_array(text, character); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_path_to_array(text, character) RETURNS text[]
    LANGUAGE plpgsql
    AS $_$
DECLARE
    location ALIAS FOR $1;
    regex_pattern ALIAS FOR $2;
BEGIN
RETURN regexp_split_to_array(location, regex_pattern)::text[];
END;
$_$;


--
-- Name: mt_jsonb_remove(jsonb, text[], jsonb); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_remove(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF jsonb_typeof(val) = 'array' THEN
            tmp_remove = val;
        ELSE
            tmp_remove = jsonb_build_array(val);
        END IF;

        FOR patch_remove IN SELECT * FROM jsonb_array_elements(tmp_remove)
        LOOP
            tmp_value =(SELECT jsonb_agg(elem)
            FROM jsonb_array_elements(tmp_value) AS elem
            WHERE elem <> patch_remove);
        END LOOP;

        IF tmp_value IS NULL THEN
            tmp_value = '[]'::jsonb;
        END IF;
    END IF;
    RETURN jsonb_set(retval, location, tmp_value, FALSE);
END;
$_$;


--
-- Name: mt_jsonb_remove_key(jsonb, text[], text); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_jsonb_remove_key(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    _key ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        RETURN jsonb_set(retval, location, tmp_value - _key, FALSE);
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_mark_event_progression(character varying, bigint); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_mark_event_progression(name character varying, last_encountered bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
INSERT INTO ledger.mt_event_progression (name, last_seq_id, last_updated)
VALUES (name, last_encountered, transaction_timestamp())
ON CONFLICT ON CONSTRAINT pk_mt_event_progression
    DO
UPDATE SET last_seq_id = last_encountered, last_updated = transaction_timestamp();

END;

$$;


--
-- Name: mt_mark_progression_with_skip(character varying, bigint, bigint); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_mark_progression_with_skip(shard_name character varying, ending_sequence bigint, starting_sequence bigint) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    current_value bigint;
BEGIN
    select last_seq_id into current_value from ledger.mt_event_progression where name = shard_name;

    IF current_value is null then
        -- Bootstrap the high-water row on first invocation. Previously this branch
        -- returned 0, which left HighWaterAgent.CheckNowAsync polling forever because
        -- statistics.CurrentMark never advanced. Issue #4425.
        INSERT INTO ledger.mt_event_progression (name, last_seq_id, last_updated)
        VALUES (shard_name, ending_sequence, transaction_timestamp())
        ON CONFLICT ON CONSTRAINT pk_mt_event_progression
            DO UPDATE SET last_seq_id = ending_sequence, last_updated = transaction_timestamp();
        IF ending_sequence > starting_sequence THEN
            -- Idempotent: a rebuild/replay re-marks the same skip (ending_sequence is the
            -- PK). Re-recording an existing gap is a no-op. Conflict target is the PK
            -- constraint (the bare column name collides with the function parameter). #4530.
            insert into ledger.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
                on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        END IF;
        return ending_sequence;
    ELSIF current_value = starting_sequence THEN
        update ledger.mt_event_progression SET last_seq_id = ending_sequence, last_updated = transaction_timestamp() where shard_name = name;
        insert into ledger.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
            on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        return ending_sequence;
    ELSE
        return current_value;
    END IF;
END
$$;


--
-- Name: mt_quick_append_events(uuid, character varying, character varying, uuid[], character varying[], character varying[], jsonb[], bytea[], timestamp with time zone[], bigint); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_quick_append_events(stream uuid, stream_type character varying, tenantid character varying, event_ids uuid[], event_types character varying[], dotnet_types character varying[], bodies jsonb[], bdatas bytea[], timestamps timestamp with time zone[], expected_version bigint DEFAULT NULL::bigint) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
DECLARE
	event_version bigint;
	stream_is_archived boolean;
	event_type varchar;
	event_id uuid;
	body jsonb;
	index int;
	seq bigint;
    actual_tenant varchar;
    is_new_stream boolean := false;
	return_value bigint[];
BEGIN
    if expected_version IS NOT NULL then
        -- COALESCE turns the NULL we get for a brand-new stream into 0, so a
        -- FetchForWriting against a non-existent stream (which sets
        -- ExpectedVersionOnServer = 0) and a StartStream(id, version: 0) both
        -- land on the new-stream branch instead of mis-firing the guard.
        select version, is_archived into event_version, stream_is_archived from ledger.mt_streams where id = stream;
        if COALESCE(event_version, 0) != expected_version then
            RAISE EXCEPTION 'Stream version mismatch on ''%'': expected %, actual %', stream, expected_version, COALESCE(event_version, 0) USING ERRCODE = 'MT003';
        end if;
    else
        select version, is_archived into event_version, stream_is_archived from ledger.mt_streams where id = stream;
    end if;

	if event_version IS NULL then
		event_version = 0;
		is_new_stream := true;
		-- #5456 follow-up: insert the FINAL version straight away rather than 0 plus a
		-- trailing UPDATE of the row we just wrote in this same transaction. That UPDATE
		-- is a second heap tuple + WAL record per stream creation for no observable gain
		-- -- nothing outside this transaction can see the intermediate 0. The trailing
		-- UPDATE below is skipped for this branch via is_new_stream.
		insert into ledger.mt_streams (id, type, version, timestamp, tenant_id) values (stream, stream_type, COALESCE(array_length(event_ids, 1), 0), now(), tenantid);
    else
        if stream_is_archived then
            RAISE EXCEPTION 'Attempted to append event to archived stream with Id ''%''.', stream USING ERRCODE = 'MT001';
        end if;
        if tenantid IS NOT NULL then
            select tenant_id into actual_tenant from ledger.mt_streams where id = stream;
            if actual_tenant != tenantid then
                RAISE EXCEPTION 'The tenantid does not match the existing stream';
            end if;
        end if;
	end if;

	index := 1;
	-- #5062: array_length('{}', 1) is NULL in PostgreSQL, not 0, so a call with an
	-- empty event array used to return ARRAY[NULL] -- a bigint[] whose only element
	-- is NULL, which Npgsql cannot read into long[] ('Cannot read a non-nullable
	-- collection of elements because the returned array contains nulls'). COALESCE
	-- makes the empty case mean what it says: zero events appended, so the final
	-- version is the stream's current version.
	return_value := ARRAY[event_version + COALESCE(array_length(event_ids, 1), 0)];

	foreach event_id in ARRAY event_ids
	loop
        seq := nextval('ledger.mt_events_sequence');
		return_value := array_append(return_value, seq);

	    event_version := event_version + 1;
		event_type = event_types[index];
		body = bodies[index];

		-- #4515 / #4578 / Phase 2: bdatas[index] carries the binary payload
		-- for events opted in to binary serialization (NULL otherwise).
		-- bodies[index] is the {} JSON placeholder for those events so the
		-- existing data jsonb NOT NULL constraint stays intact.
		insert into ledger.mt_events
			(seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, is_archived)
		values
			(seq, event_id, stream, event_version, body, bdatas[index], event_type, tenantid, timestamps[index], dotnet_types[index], FALSE);

		index := index + 1;
	end loop;

	-- A brand-new stream already carries its final version from the insert above, so the
	-- UPDATE is only needed when we appended onto a stream that already existed.
	--
	-- #5539: and only when we actually appended something. With ZERO events this was a BLIND write-back
	-- of the version read at the top of the function, and under READ COMMITTED that is a lost update: the
	-- UPDATE waits on a concurrent appender's row lock, the winner commits, the WHERE clause is
	-- re-evaluated against the new row, and `set version = <the stale value>` lands -- leaving
	-- mt_streams.version BELOW the stream's own events. Every later append then computes a version that
	-- already exists and dies on pk_mt_events_stream_and_version, forever, until the row is repaired by
	-- hand. A non-empty call cannot do this: its first INSERT collides with the winner on that same
	-- primary key and rolls the whole thing back, which is why only the empty case was exposed.
	--
	-- Two independent guards, because either alone would have been enough and the cost of both is nil:
	--   * the append count -- appending nothing has nothing to write, so the correct number of statements
	--     is zero rather than one that happens to be harmless;
	--   * greatest(), so the write-back can never LOWER a stream's version whoever calls it. An append
	--     only ever moves a version forward, so this is a no-op on every correct path and a backstop on
	--     any future caller that reads the version and then writes it back.
	if not is_new_stream and COALESCE(array_length(event_ids, 1), 0) > 0 then
		update ledger.mt_streams set version = greatest(version, event_version), timestamp = now() where id = stream;
	end if;

	return return_value;
END
$$;


--
-- Name: mt_safe_unaccent(boolean, text); Type: FUNCTION; Schema: ledger; Owner: -
--

CREATE FUNCTION ledger.mt_safe_unaccent(use_unaccent boolean, word text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
BEGIN
IF use_unaccent THEN
    RETURN public.unaccent(word);
ELSE
    RETURN word;
END IF;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.accounts (
    id uuid NOT NULL,
    district_id text NOT NULL,
    kind smallint NOT NULL,
    counterpart_district_id text,
    floor_minutes bigint NOT NULL,
    cap_minutes bigint NOT NULL,
    status smallint NOT NULL,
    debits_posted bigint NOT NULL,
    credits_posted bigint NOT NULL,
    debits_pending bigint NOT NULL,
    credits_pending bigint NOT NULL,
    version bigint NOT NULL,
    opened_at timestamp with time zone NOT NULL
)
WITH (fillfactor='50');


--
-- Name: entries; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.entries (
    account_id uuid NOT NULL,
    version bigint NOT NULL,
    transfer_id uuid NOT NULL,
    side smallint NOT NULL,
    amount_minutes bigint NOT NULL,
    balance_after_minutes bigint NOT NULL,
    counterparty_account_id uuid NOT NULL,
    code smallint NOT NULL,
    memo text NOT NULL,
    actor_id text NOT NULL,
    on_behalf_of text,
    channel text NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    journal_id uuid NOT NULL
);


--
-- Name: mt_doc_deadletterevent; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.mt_doc_deadletterevent (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_district; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.mt_doc_district (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_event_progression; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.mt_event_progression (
    name character varying NOT NULL,
    last_seq_id bigint,
    last_updated timestamp with time zone DEFAULT transaction_timestamp(),
    mode character varying DEFAULT 'none'::character varying,
    rebuild_threshold integer DEFAULT 0,
    assigned_node integer DEFAULT 0,
    heartbeat timestamp with time zone,
    agent_status character varying(20),
    pause_reason text,
    running_on_node integer,
    warning_behind_threshold bigint,
    critical_behind_threshold bigint,
    failure_category character varying(50),
    failure_event_sequence bigint,
    failure_event_type character varying(500),
    failure_event_tenant_id character varying(500)
);


--
-- Name: mt_event_projection_floors; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.mt_event_projection_floors (
    name character varying NOT NULL,
    tenant_id character varying NOT NULL,
    floor bigint NOT NULL,
    last_updated timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_events; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.mt_events (
    seq_id bigint NOT NULL,
    id uuid NOT NULL,
    stream_id uuid,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    bdata bytea,
    type character varying(500) NOT NULL,
    "timestamp" timestamp with time zone DEFAULT '2026-12-02 21:42:34.712545+00'::timestamp with time zone NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    mt_dotnet_type character varying,
    is_archived boolean DEFAULT false
);
ALTER TABLE ONLY ledger.mt_events ALTER COLUMN data SET COMPRESSION lz4;


--
-- Name: mt_events_sequence; Type: SEQUENCE; Schema: ledger; Owner: -
--

CREATE SEQUENCE ledger.mt_events_sequence
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mt_events_sequence; Type: SEQUENCE OWNED BY; Schema: ledger; Owner: -
--

ALTER SEQUENCE ledger.mt_events_sequence OWNED BY ledger.mt_events.seq_id;


--
-- Name: mt_high_water_skips; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.mt_high_water_skips (
    ending_sequence bigint NOT NULL,
    starting_sequence bigint NOT NULL,
    "timestamp" timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_streams; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.mt_streams (
    id uuid NOT NULL,
    type character varying,
    version bigint,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    created timestamp with time zone DEFAULT now() NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    compacted_version bigint DEFAULT 0 NOT NULL,
    is_archived boolean DEFAULT false
);


--
-- Name: storage_layout; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.storage_layout (
    version integer NOT NULL
);


--
-- Name: transfers; Type: TABLE; Schema: ledger; Owner: -
--

CREATE TABLE ledger.transfers (
    id uuid NOT NULL,
    kind smallint NOT NULL,
    result smallint NOT NULL,
    debit_account_id uuid NOT NULL,
    credit_account_id uuid NOT NULL,
    amount_minutes bigint NOT NULL,
    code smallint NOT NULL,
    memo text NOT NULL,
    deal_id uuid,
    hold_id uuid,
    reverses_transfer_id uuid,
    reason text,
    hold_timeout interval,
    expires_at timestamp with time zone,
    hold_state smallint,
    posted_amount_minutes bigint,
    resolved_by_transfer_id uuid,
    resolved_at timestamp with time zone,
    reversed_by_transfer_id uuid,
    leg_account_ids uuid[] NOT NULL,
    actor_id text NOT NULL,
    on_behalf_of text,
    channel text NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    requested_amount_minutes bigint
);


--
-- Data for Name: accounts; Type: TABLE DATA; Schema: ledger; Owner: -
--

INSERT INTO ledger.accounts VALUES ('52fb5814-d11c-56ad-a438-ae0709d897b1', 'mapo', 3, NULL, 0, 6000000000, 1, 0, 0, 0, 0, 1, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('34fcbe02-2ff8-595d-93ec-b6b11c4ae6d8', 'gangnam', 3, NULL, 0, 6000000000, 1, 0, 0, 0, 0, 1, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', 'mapo', 2, NULL, -600000, 0, 1, 1800, 0, 0, 0, 7, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000006', 'mapo', 1, NULL, -600, 6000, 1, 0, 300, 0, 25, 5, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000001', 'mapo', 1, NULL, -1200, 6000, 1, 210, 390, 0, 0, 8, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('32d9bba2-d9d8-507c-8107-0878d14c3a71', 'gangnam', 2, NULL, -300000, 0, 1, 900, 0, 0, 0, 4, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('3216a6b7-bd9f-57f5-826d-bb06759dbd85', 'mapo', 4, 'gangnam', -1200, 1200, 1, 30, 215, 0, 0, 7, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 'gangnam', 4, 'mapo', -1200, 1200, 1, 215, 30, 0, 0, 7, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000007', 'gangnam', 1, NULL, -300, 3000, 1, 0, 360, 0, 0, 5, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000008', 'gangnam', 1, NULL, -300, 3000, 1, 30, 300, 0, 0, 5, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000002', 'mapo', 1, NULL, -600, 6000, 1, 150, 390, 25, 0, 6, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000003', 'mapo', 1, NULL, -600, 6000, 1, 55, 300, 0, 0, 6, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000004', 'mapo', 1, NULL, -600, 6000, 1, 70, 355, 0, 0, 8, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000005', 'mapo', 1, NULL, -600, 6000, 1, 35, 400, 0, 0, 10, '2026-11-30 01:00:00+00');
INSERT INTO ledger.accounts VALUES ('00000000-0000-4000-8000-000000000009', 'gangnam', 1, NULL, -300, 3000, 1, 0, 455, 0, 0, 6, '2026-11-30 01:00:00+00');


--
-- Data for Name: entries; Type: TABLE DATA; Schema: ledger; Owner: -
--

INSERT INTO ledger.entries VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', 2, '00000000-0000-4000-8000-000000000010', 1, 300, -300, '00000000-0000-4000-8000-000000000001', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000001', 2, '00000000-0000-4000-8000-000000000010', 2, 300, 300, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', 3, '00000000-0000-4000-8000-000000000011', 1, 300, -600, '00000000-0000-4000-8000-000000000002', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000002', 2, '00000000-0000-4000-8000-000000000011', 2, 300, 300, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', 4, '00000000-0000-4000-8000-000000000012', 1, 300, -900, '00000000-0000-4000-8000-000000000003', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000003', 2, '00000000-0000-4000-8000-000000000012', 2, 300, 300, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', 5, '00000000-0000-4000-8000-000000000013', 1, 300, -1200, '00000000-0000-4000-8000-000000000004', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000004', 2, '00000000-0000-4000-8000-000000000013', 2, 300, 300, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', 6, '00000000-0000-4000-8000-000000000014', 1, 300, -1500, '00000000-0000-4000-8000-000000000005', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000005', 2, '00000000-0000-4000-8000-000000000014', 2, 300, 300, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', 7, '00000000-0000-4000-8000-000000000015', 1, 300, -1800, '00000000-0000-4000-8000-000000000006', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000006', 2, '00000000-0000-4000-8000-000000000015', 2, 300, 300, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', 3, '환영합니다', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-77b6-97c8-456357396882');
INSERT INTO ledger.entries VALUES ('32d9bba2-d9d8-507c-8107-0878d14c3a71', 2, '00000000-0000-4000-8000-000000000016', 1, 300, -300, '00000000-0000-4000-8000-000000000007', 3, 'welcome', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-7fa1-91be-b7ea90582258');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000007', 2, '00000000-0000-4000-8000-000000000016', 2, 300, 300, '32d9bba2-d9d8-507c-8107-0878d14c3a71', 3, 'welcome', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-7fa1-91be-b7ea90582258');
INSERT INTO ledger.entries VALUES ('32d9bba2-d9d8-507c-8107-0878d14c3a71', 3, '00000000-0000-4000-8000-000000000017', 1, 300, -600, '00000000-0000-4000-8000-000000000008', 3, 'welcome', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-7fa1-91be-b7ea90582258');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000008', 2, '00000000-0000-4000-8000-000000000017', 2, 300, 300, '32d9bba2-d9d8-507c-8107-0878d14c3a71', 3, 'welcome', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-7fa1-91be-b7ea90582258');
INSERT INTO ledger.entries VALUES ('32d9bba2-d9d8-507c-8107-0878d14c3a71', 4, '00000000-0000-4000-8000-000000000018', 1, 300, -900, '00000000-0000-4000-8000-000000000009', 3, 'welcome', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-7fa1-91be-b7ea90582258');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000009', 2, '00000000-0000-4000-8000-000000000018', 2, 300, 300, '32d9bba2-d9d8-507c-8107-0878d14c3a71', 3, 'welcome', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', '01a229f7-4280-7fa1-91be-b7ea90582258');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000001', 3, '00000000-0000-4000-8000-000000000019', 1, 90, 210, '00000000-0000-4000-8000-000000000002', 1, '보일러 수리', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000002', 3, '00000000-0000-4000-8000-000000000019', 2, 90, 390, '00000000-0000-4000-8000-000000000001', 1, '보일러 수리', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000003', 3, '00000000-0000-4000-8000-000000000020', 1, 45, 255, '00000000-0000-4000-8000-000000000004', 1, '반찬', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000004', 3, '00000000-0000-4000-8000-000000000020', 2, 45, 345, '00000000-0000-4000-8000-000000000003', 1, '반찬', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000002', 4, '00000000-0000-4000-8000-000000000021', 1, 60, 330, '3216a6b7-bd9f-57f5-826d-bb06759dbd85', 1, 'across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('3216a6b7-bd9f-57f5-826d-bb06759dbd85', 2, '00000000-0000-4000-8000-000000000021', 2, 60, 60, '00000000-0000-4000-8000-000000000002', 1, 'across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 2, '00000000-0000-4000-8000-000000000021', 1, 60, -60, '00000000-0000-4000-8000-000000000007', 1, 'across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000007', 3, '00000000-0000-4000-8000-000000000021', 2, 60, 360, '32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 1, 'across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-75df-98c6-20d7df78252b');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000008', 3, '00000000-0000-4000-8000-000000000022', 1, 30, 270, '32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 1, 'back across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-76ee-ad45-ed037d774b10');
INSERT INTO ledger.entries VALUES ('32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 3, '00000000-0000-4000-8000-000000000022', 2, 30, -30, '00000000-0000-4000-8000-000000000008', 1, 'back across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-76ee-ad45-ed037d774b10');
INSERT INTO ledger.entries VALUES ('3216a6b7-bd9f-57f5-826d-bb06759dbd85', 3, '00000000-0000-4000-8000-000000000022', 1, 30, 30, '00000000-0000-4000-8000-000000000005', 1, 'back across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-76ee-ad45-ed037d774b10');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000005', 3, '00000000-0000-4000-8000-000000000022', 2, 30, 330, '3216a6b7-bd9f-57f5-826d-bb06759dbd85', 1, 'back across', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', '01a229fb-d660-76ee-ad45-ed037d774b10');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000004', 6, '00000000-0000-4000-8000-000000000029', 1, 60, 285, '00000000-0000-4000-8000-000000000005', 1, 'full', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', '01a22a00-6a40-7a53-9b66-50442f709554');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000005', 7, '00000000-0000-4000-8000-000000000029', 2, 60, 390, '00000000-0000-4000-8000-000000000004', 1, 'full', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', '01a22a00-6a40-7a53-9b66-50442f709554');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000005', 9, '00000000-0000-4000-8000-000000000030', 1, 35, 355, '3216a6b7-bd9f-57f5-826d-bb06759dbd85', 1, 'part', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', '01a22a00-6a40-7a53-9b66-50442f709554');
INSERT INTO ledger.entries VALUES ('3216a6b7-bd9f-57f5-826d-bb06759dbd85', 6, '00000000-0000-4000-8000-000000000030', 2, 35, 65, '00000000-0000-4000-8000-000000000005', 1, 'part', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', '01a22a00-6a40-7a53-9b66-50442f709554');
INSERT INTO ledger.entries VALUES ('32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 6, '00000000-0000-4000-8000-000000000030', 1, 35, -65, '00000000-0000-4000-8000-000000000009', 1, 'part', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', '01a22a00-6a40-7a53-9b66-50442f709554');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000009', 5, '00000000-0000-4000-8000-000000000030', 2, 35, 335, '32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 1, 'part', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', '01a22a00-6a40-7a53-9b66-50442f709554');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000002', 6, '00000000-0000-4000-8000-000000000033', 1, 90, 240, '00000000-0000-4000-8000-000000000001', 7, 'entered twice', 'coordinator:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-73ff-82e0-db3630b3a527');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000001', 6, '00000000-0000-4000-8000-000000000033', 2, 90, 300, '00000000-0000-4000-8000-000000000002', 7, 'entered twice', 'coordinator:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-73ff-82e0-db3630b3a527');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000003', 6, '00000000-0000-4000-8000-000000000035', 1, 10, 245, '00000000-0000-4000-8000-000000000004', 1, '', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7d0d-a17d-9dec482268df');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000004', 7, '00000000-0000-4000-8000-000000000035', 2, 10, 295, '00000000-0000-4000-8000-000000000003', 1, '', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7d0d-a17d-9dec482268df');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000004', 8, '00000000-0000-4000-8000-000000000036', 1, 10, 285, '00000000-0000-4000-8000-000000000005', 1, '', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7d0d-a17d-9dec482268df');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000005', 10, '00000000-0000-4000-8000-000000000036', 2, 10, 365, '00000000-0000-4000-8000-000000000004', 1, '', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7d0d-a17d-9dec482268df');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000001', 8, '00000000-0000-4000-8000-000000000040', 1, 120, 180, '3216a6b7-bd9f-57f5-826d-bb06759dbd85', 1, 'last', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7c0f-b3f2-9a5c64e255f1');
INSERT INTO ledger.entries VALUES ('3216a6b7-bd9f-57f5-826d-bb06759dbd85', 7, '00000000-0000-4000-8000-000000000040', 2, 120, 185, '00000000-0000-4000-8000-000000000001', 1, 'last', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7c0f-b3f2-9a5c64e255f1');
INSERT INTO ledger.entries VALUES ('32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 7, '00000000-0000-4000-8000-000000000040', 1, 120, -185, '00000000-0000-4000-8000-000000000009', 1, 'last', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7c0f-b3f2-9a5c64e255f1');
INSERT INTO ledger.entries VALUES ('00000000-0000-4000-8000-000000000009', 6, '00000000-0000-4000-8000-000000000040', 2, 120, 455, '32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 1, 'last', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', '01a22a37-58c0-7c0f-b3f2-9a5c64e255f1');


--
-- Data for Name: mt_doc_deadletterevent; Type: TABLE DATA; Schema: ledger; Owner: -
--



--
-- Data for Name: mt_doc_district; Type: TABLE DATA; Schema: ledger; Owner: -
--

INSERT INTO ledger.mt_doc_district VALUES ('mapo', '{"id": "mapo", "name": "마포구", "version": 2, "createdAt": "2026-11-30T01:00:00+00:00", "memberCap": 6000, "mintBudget": 600000, "memberFloor": -600, "trustLimits": {"gangnam": 1200}}', '2026-12-02 21:42:35.291896+00', '01a238b5-9a51-4fbe-89ec-22e8548a2497', 'EPoomasi.Ledger.Districts.District');
INSERT INTO ledger.mt_doc_district VALUES ('gangnam', '{"id": "gangnam", "name": "강남구", "version": 2, "createdAt": "2026-11-30T01:00:00+00:00", "memberCap": 3000, "mintBudget": 300000, "memberFloor": -300, "trustLimits": {"mapo": 1200}}', '2026-12-02 21:42:35.291896+00', '01a238b5-9a51-4502-a9da-dfbcd5ae6b9c', 'EPoomasi.Ledger.Districts.District');


--
-- Data for Name: mt_event_progression; Type: TABLE DATA; Schema: ledger; Owner: -
--



--
-- Data for Name: mt_event_projection_floors; Type: TABLE DATA; Schema: ledger; Owner: -
--



--
-- Data for Name: mt_events; Type: TABLE DATA; Schema: ledger; Owner: -
--

INSERT INTO ledger.mt_events VALUES (1, '97242d30-f553-40f5-b72e-568f0f4b787e', '1d3c02ca-ec45-53a3-8e80-c233557ed9cd', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "name": "마포구", "memberCap": 6000, "districtId": "mapo", "mintBudget": 600000, "memberFloor": -600}', NULL, 'district_created', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Districts.DistrictCreated, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (2, 'd81c9cc0-fa6a-41d8-b572-428794d15759', 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 0, "kind": "Issuance", "floor": -600000, "accountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (3, 'f6bd9745-298a-41d0-ae67-e812d7d11573', '52fb5814-d11c-56ad-a438-ae0709d897b1', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000000000, "kind": "CommunityPot", "floor": 0, "accountId": "52fb5814-d11c-56ad-a438-ae0709d897b1", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (4, 'ade5816d-352c-411b-9c18-5c614fc9afa8', 'c5a42ff3-96aa-53b4-9a10-3012b105c606', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "name": "강남구", "memberCap": 3000, "districtId": "gangnam", "mintBudget": 300000, "memberFloor": -300}', NULL, 'district_created', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Districts.DistrictCreated, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (5, '602a190c-75df-46f6-b8e8-fdaf5e57b066', '32d9bba2-d9d8-507c-8107-0878d14c3a71', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 0, "kind": "Issuance", "floor": -300000, "accountId": "32d9bba2-d9d8-507c-8107-0878d14c3a71", "districtId": "gangnam"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (6, 'a0ae5276-c926-45b6-9e98-f86e4f3ffa6c', '34fcbe02-2ff8-595d-93ec-b6b11c4ae6d8', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000000000, "kind": "CommunityPot", "floor": 0, "accountId": "34fcbe02-2ff8-595d-93ec-b6b11c4ae6d8", "districtId": "gangnam"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (7, 'b4dcf85d-37b6-4e01-9ab4-d2b411fda621', '1d3c02ca-ec45-53a3-8e80-c233557ed9cd', 2, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "limit": 1200, "reason": "pilot", "districtId": "mapo", "counterpartDistrictId": "gangnam"}', NULL, 'trust_limit_set', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Districts.TrustLimitSet, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (8, 'eea24430-851f-4af0-823a-a0fe5da998c7', 'c5a42ff3-96aa-53b4-9a10-3012b105c606', 2, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "limit": 1200, "reason": "pilot", "districtId": "gangnam", "counterpartDistrictId": "mapo"}', NULL, 'trust_limit_set', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Districts.TrustLimitSet, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (9, '46b751d1-fd29-4cbf-9385-4806b6010ae2', '3216a6b7-bd9f-57f5-826d-bb06759dbd85', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 1200, "kind": "Clearing", "floor": -1200, "accountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85", "districtId": "mapo", "counterpartDistrictId": "gangnam"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (10, 'a776f582-f492-4696-bff2-0cc37d6b29ac', '32eef1bd-aaaf-547d-9d77-7f12c9af6b43', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 1200, "kind": "Clearing", "floor": -1200, "accountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43", "districtId": "gangnam", "counterpartDistrictId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (11, 'e563e806-36bb-4166-b7c8-ec66081c8d6b', '00000000-0000-4000-8000-000000000001', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000, "kind": "Member", "floor": -600, "accountId": "00000000-0000-4000-8000-000000000001", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (12, '2313b7d5-6014-4d5a-8849-432f664eb429', '00000000-0000-4000-8000-000000000002', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000, "kind": "Member", "floor": -600, "accountId": "00000000-0000-4000-8000-000000000002", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (13, '279ee910-6d23-4773-8414-7099e37ba45f', '00000000-0000-4000-8000-000000000003', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000, "kind": "Member", "floor": -600, "accountId": "00000000-0000-4000-8000-000000000003", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (14, '12445f43-4c49-42fb-b8f8-89d2f0512814', '00000000-0000-4000-8000-000000000004', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000, "kind": "Member", "floor": -600, "accountId": "00000000-0000-4000-8000-000000000004", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (15, 'c02a2141-7a07-49b5-bca5-5f987ec35e69', '00000000-0000-4000-8000-000000000005', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000, "kind": "Member", "floor": -600, "accountId": "00000000-0000-4000-8000-000000000005", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (16, 'a0046ef8-2a84-459f-9ccc-894ddcd1db84', '00000000-0000-4000-8000-000000000006', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000, "kind": "Member", "floor": -600, "accountId": "00000000-0000-4000-8000-000000000006", "districtId": "mapo"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (17, 'd232a73b-4b4b-40ee-9114-3b0ebec010f4', '00000000-0000-4000-8000-000000000007', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 3000, "kind": "Member", "floor": -300, "accountId": "00000000-0000-4000-8000-000000000007", "districtId": "gangnam"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (18, '136ab7ba-19fa-4f8d-8c34-1ada57a6f48a', '00000000-0000-4000-8000-000000000008', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 3000, "kind": "Member", "floor": -300, "accountId": "00000000-0000-4000-8000-000000000008", "districtId": "gangnam"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (30, '9b1ad9f1-a2bc-4125-8bf7-6f4c4d0dec70', '00000000-0000-4000-8000-000000000006', 3, '{"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "reason": "settled", "accountId": "00000000-0000-4000-8000-000000000006"}', NULL, 'account_unfrozen', '2026-11-30 02:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountUnfrozen, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (19, '9828ee3a-f7c6-4d34-bb02-d4754f1c4849', '00000000-0000-4000-8000-000000000009', 1, '{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 3000, "kind": "Member", "floor": -300, "accountId": "00000000-0000-4000-8000-000000000009", "districtId": "gangnam"}', NULL, 'account_opened', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountOpened, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (20, '01a229f7-4280-78e9-b0cb-95c5269715fd', '01a229f7-4280-77b6-97c8-456357396882', 1, '{"events": [{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Debit", "$type": "entry_posted", "accountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8", "transferId": "00000000-0000-4000-8000-000000000010", "amountMinutes": 300, "balanceAfterMinutes": -300, "counterpartyAccountId": "00000000-0000-4000-8000-000000000001"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000001", "transferId": "00000000-0000-4000-8000-000000000010", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Debit", "$type": "entry_posted", "accountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8", "transferId": "00000000-0000-4000-8000-000000000011", "amountMinutes": 300, "balanceAfterMinutes": -600, "counterpartyAccountId": "00000000-0000-4000-8000-000000000002"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000002", "transferId": "00000000-0000-4000-8000-000000000011", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Debit", "$type": "entry_posted", "accountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8", "transferId": "00000000-0000-4000-8000-000000000012", "amountMinutes": 300, "balanceAfterMinutes": -900, "counterpartyAccountId": "00000000-0000-4000-8000-000000000003"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000003", "transferId": "00000000-0000-4000-8000-000000000012", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Debit", "$type": "entry_posted", "accountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8", "transferId": "00000000-0000-4000-8000-000000000013", "amountMinutes": 300, "balanceAfterMinutes": -1200, "counterpartyAccountId": "00000000-0000-4000-8000-000000000004"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000004", "transferId": "00000000-0000-4000-8000-000000000013", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Debit", "$type": "entry_posted", "accountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8", "transferId": "00000000-0000-4000-8000-000000000014", "amountMinutes": 300, "balanceAfterMinutes": -1500, "counterpartyAccountId": "00000000-0000-4000-8000-000000000005"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000005", "transferId": "00000000-0000-4000-8000-000000000014", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Debit", "$type": "entry_posted", "accountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8", "transferId": "00000000-0000-4000-8000-000000000015", "amountMinutes": 300, "balanceAfterMinutes": -1800, "counterpartyAccountId": "00000000-0000-4000-8000-000000000006"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "환영합니다", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000006", "transferId": "00000000-0000-4000-8000-000000000015", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "c54f5f28-50f5-5222-8f51-b41ce1e678b8"}]}', NULL, 'account_events_journaled', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (21, '01a229f7-4280-72b1-bdaf-9a74c5729b01', '01a229f7-4280-7fa1-91be-b7ea90582258', 1, '{"events": [{"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "welcome", "side": "Debit", "$type": "entry_posted", "accountId": "32d9bba2-d9d8-507c-8107-0878d14c3a71", "transferId": "00000000-0000-4000-8000-000000000016", "amountMinutes": 300, "balanceAfterMinutes": -300, "counterpartyAccountId": "00000000-0000-4000-8000-000000000007"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "welcome", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000007", "transferId": "00000000-0000-4000-8000-000000000016", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "32d9bba2-d9d8-507c-8107-0878d14c3a71"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "welcome", "side": "Debit", "$type": "entry_posted", "accountId": "32d9bba2-d9d8-507c-8107-0878d14c3a71", "transferId": "00000000-0000-4000-8000-000000000017", "amountMinutes": 300, "balanceAfterMinutes": -600, "counterpartyAccountId": "00000000-0000-4000-8000-000000000008"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "welcome", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000008", "transferId": "00000000-0000-4000-8000-000000000017", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "32d9bba2-d9d8-507c-8107-0878d14c3a71"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "welcome", "side": "Debit", "$type": "entry_posted", "accountId": "32d9bba2-d9d8-507c-8107-0878d14c3a71", "transferId": "00000000-0000-4000-8000-000000000018", "amountMinutes": 300, "balanceAfterMinutes": -900, "counterpartyAccountId": "00000000-0000-4000-8000-000000000009"}, {"at": "2026-11-30T01:00:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Welcome", "memo": "welcome", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000009", "transferId": "00000000-0000-4000-8000-000000000018", "amountMinutes": 300, "balanceAfterMinutes": 300, "counterpartyAccountId": "32d9bba2-d9d8-507c-8107-0878d14c3a71"}]}', NULL, 'account_events_journaled', '2026-11-30 01:00:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (22, '01a229fb-d660-7866-994d-ca941d0fd968', '01a229fb-d660-75df-98c6-20d7df78252b', 1, '{"events": [{"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "보일러 수리", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000001", "transferId": "00000000-0000-4000-8000-000000000019", "amountMinutes": 90, "balanceAfterMinutes": 210, "counterpartyAccountId": "00000000-0000-4000-8000-000000000002"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "보일러 수리", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000002", "transferId": "00000000-0000-4000-8000-000000000019", "amountMinutes": 90, "balanceAfterMinutes": 390, "counterpartyAccountId": "00000000-0000-4000-8000-000000000001"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "반찬", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000003", "transferId": "00000000-0000-4000-8000-000000000020", "amountMinutes": 45, "balanceAfterMinutes": 255, "counterpartyAccountId": "00000000-0000-4000-8000-000000000004"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "반찬", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000004", "transferId": "00000000-0000-4000-8000-000000000020", "amountMinutes": 45, "balanceAfterMinutes": 345, "counterpartyAccountId": "00000000-0000-4000-8000-000000000003"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "across", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000002", "transferId": "00000000-0000-4000-8000-000000000021", "amountMinutes": 60, "balanceAfterMinutes": 330, "counterpartyAccountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "across", "side": "Credit", "$type": "entry_posted", "accountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85", "transferId": "00000000-0000-4000-8000-000000000021", "amountMinutes": 60, "balanceAfterMinutes": 60, "counterpartyAccountId": "00000000-0000-4000-8000-000000000002"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "across", "side": "Debit", "$type": "entry_posted", "accountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43", "transferId": "00000000-0000-4000-8000-000000000021", "amountMinutes": 60, "balanceAfterMinutes": -60, "counterpartyAccountId": "00000000-0000-4000-8000-000000000007"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "across", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000007", "transferId": "00000000-0000-4000-8000-000000000021", "amountMinutes": 60, "balanceAfterMinutes": 360, "counterpartyAccountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43"}]}', NULL, 'account_events_journaled', '2026-11-30 01:05:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (23, '01a229fb-d660-7869-95b9-63887f618a8d', '01a229fb-d660-76ee-ad45-ed037d774b10', 1, '{"events": [{"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "back across", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000008", "transferId": "00000000-0000-4000-8000-000000000022", "amountMinutes": 30, "balanceAfterMinutes": 270, "counterpartyAccountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "back across", "side": "Credit", "$type": "entry_posted", "accountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43", "transferId": "00000000-0000-4000-8000-000000000022", "amountMinutes": 30, "balanceAfterMinutes": -30, "counterpartyAccountId": "00000000-0000-4000-8000-000000000008"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "back across", "side": "Debit", "$type": "entry_posted", "accountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85", "transferId": "00000000-0000-4000-8000-000000000022", "amountMinutes": 30, "balanceAfterMinutes": 30, "counterpartyAccountId": "00000000-0000-4000-8000-000000000005"}, {"at": "2026-11-30T01:05:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "back across", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000005", "transferId": "00000000-0000-4000-8000-000000000022", "amountMinutes": 30, "balanceAfterMinutes": 330, "counterpartyAccountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85"}]}', NULL, 'account_events_journaled', '2026-11-30 01:05:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (24, '01a22a00-6a40-777c-b2e3-bc5b4779d971', '01a22a00-6a40-78aa-8f8b-19fec191f3da', 1, '{"events": [{"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000024", "accountId": "00000000-0000-4000-8000-000000000004", "amountMinutes": 60}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000024", "accountId": "00000000-0000-4000-8000-000000000005", "amountMinutes": 60}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "00000000-0000-4000-8000-000000000005", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "00000000-0000-4000-8000-000000000009", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000026", "accountId": "00000000-0000-4000-8000-000000000001", "amountMinutes": 20}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000026", "accountId": "00000000-0000-4000-8000-000000000003", "amountMinutes": 20}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000027", "accountId": "00000000-0000-4000-8000-000000000007", "amountMinutes": 15}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000027", "accountId": "00000000-0000-4000-8000-000000000008", "amountMinutes": 15}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000028", "accountId": "00000000-0000-4000-8000-000000000002", "amountMinutes": 25}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_reserved", "holdId": "00000000-0000-4000-8000-000000000028", "accountId": "00000000-0000-4000-8000-000000000006", "amountMinutes": 25}]}', NULL, 'account_events_journaled', '2026-11-30 01:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (25, '01a22a00-6a40-7a0f-86d9-685c6869d673', '01a22a00-6a40-7a53-9b66-50442f709554', 1, '{"events": [{"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000024", "accountId": "00000000-0000-4000-8000-000000000004", "resolution": "Posted", "amountMinutes": 60}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000024", "accountId": "00000000-0000-4000-8000-000000000005", "resolution": "Posted", "amountMinutes": 60}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "full", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000004", "transferId": "00000000-0000-4000-8000-000000000029", "amountMinutes": 60, "balanceAfterMinutes": 285, "counterpartyAccountId": "00000000-0000-4000-8000-000000000005"}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "full", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000005", "transferId": "00000000-0000-4000-8000-000000000029", "amountMinutes": 60, "balanceAfterMinutes": 390, "counterpartyAccountId": "00000000-0000-4000-8000-000000000004"}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "00000000-0000-4000-8000-000000000005", "resolution": "Posted", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85", "resolution": "Posted", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "part", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000005", "transferId": "00000000-0000-4000-8000-000000000030", "amountMinutes": 35, "balanceAfterMinutes": 355, "counterpartyAccountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85"}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "part", "side": "Credit", "$type": "entry_posted", "accountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85", "transferId": "00000000-0000-4000-8000-000000000030", "amountMinutes": 35, "balanceAfterMinutes": 65, "counterpartyAccountId": "00000000-0000-4000-8000-000000000005"}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43", "resolution": "Posted", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000025", "accountId": "00000000-0000-4000-8000-000000000009", "resolution": "Posted", "amountMinutes": 50}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "part", "side": "Debit", "$type": "entry_posted", "accountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43", "transferId": "00000000-0000-4000-8000-000000000030", "amountMinutes": 35, "balanceAfterMinutes": -65, "counterpartyAccountId": "00000000-0000-4000-8000-000000000009"}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "part", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000009", "transferId": "00000000-0000-4000-8000-000000000030", "amountMinutes": 35, "balanceAfterMinutes": 335, "counterpartyAccountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43"}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Debit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000026", "accountId": "00000000-0000-4000-8000-000000000001", "resolution": "Voided", "amountMinutes": 20}, {"at": "2026-11-30T01:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "side": "Credit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000026", "accountId": "00000000-0000-4000-8000-000000000003", "resolution": "Voided", "amountMinutes": 20}]}', NULL, 'account_events_journaled', '2026-11-30 01:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (26, '01a22a37-58c0-70d2-8b63-8451b3bff0c7', '01a22a37-58c0-7325-b94d-e1c52d058de5', 1, '{"events": [{"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "system", "channel": "ledger"}, "side": "Debit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000027", "accountId": "00000000-0000-4000-8000-000000000007", "resolution": "Expired", "amountMinutes": 15}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "system", "channel": "ledger"}, "side": "Credit", "$type": "hold_released", "holdId": "00000000-0000-4000-8000-000000000027", "accountId": "00000000-0000-4000-8000-000000000008", "resolution": "Expired", "amountMinutes": 15}]}', NULL, 'account_events_journaled', '2026-11-30 02:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (29, 'b2ac752b-b3c6-4b55-8ff2-900eb745b338', '00000000-0000-4000-8000-000000000006', 2, '{"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "reason": "dispute", "accountId": "00000000-0000-4000-8000-000000000006"}', NULL, 'account_frozen', '2026-11-30 02:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountFrozen, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (27, '01a22a37-58c0-76dd-8ef3-e1c889cccae5', '01a22a37-58c0-73ff-82e0-db3630b3a527', 1, '{"events": [{"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "code": "Reversal", "memo": "entered twice", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000002", "transferId": "00000000-0000-4000-8000-000000000033", "amountMinutes": 90, "balanceAfterMinutes": 240, "counterpartyAccountId": "00000000-0000-4000-8000-000000000001"}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "code": "Reversal", "memo": "entered twice", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000001", "transferId": "00000000-0000-4000-8000-000000000033", "amountMinutes": 90, "balanceAfterMinutes": 300, "counterpartyAccountId": "00000000-0000-4000-8000-000000000002"}]}', NULL, 'account_events_journaled', '2026-11-30 02:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (28, '01a22a37-58c0-7be4-be3d-845f68d9c975', '01a22a37-58c0-7d0d-a17d-9dec482268df', 1, '{"events": [{"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000003", "transferId": "00000000-0000-4000-8000-000000000035", "amountMinutes": 10, "balanceAfterMinutes": 245, "counterpartyAccountId": "00000000-0000-4000-8000-000000000004"}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000004", "transferId": "00000000-0000-4000-8000-000000000035", "amountMinutes": 10, "balanceAfterMinutes": 295, "counterpartyAccountId": "00000000-0000-4000-8000-000000000003"}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000004", "transferId": "00000000-0000-4000-8000-000000000036", "amountMinutes": 10, "balanceAfterMinutes": 285, "counterpartyAccountId": "00000000-0000-4000-8000-000000000005"}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000005", "transferId": "00000000-0000-4000-8000-000000000036", "amountMinutes": 10, "balanceAfterMinutes": 365, "counterpartyAccountId": "00000000-0000-4000-8000-000000000004"}]}', NULL, 'account_events_journaled', '2026-11-30 02:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (32, '01a22a37-58c0-7380-9b73-663d10a0be59', '01a22a37-58c0-7c0f-b3f2-9a5c64e255f1', 1, '{"events": [{"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "last", "side": "Debit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000001", "transferId": "00000000-0000-4000-8000-000000000040", "amountMinutes": 120, "balanceAfterMinutes": 180, "counterpartyAccountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85"}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "last", "side": "Credit", "$type": "entry_posted", "accountId": "3216a6b7-bd9f-57f5-826d-bb06759dbd85", "transferId": "00000000-0000-4000-8000-000000000040", "amountMinutes": 120, "balanceAfterMinutes": 185, "counterpartyAccountId": "00000000-0000-4000-8000-000000000001"}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "last", "side": "Debit", "$type": "entry_posted", "accountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43", "transferId": "00000000-0000-4000-8000-000000000040", "amountMinutes": 120, "balanceAfterMinutes": -185, "counterpartyAccountId": "00000000-0000-4000-8000-000000000009"}, {"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "member:fixture", "channel": "fixture"}, "code": "Service", "memo": "last", "side": "Credit", "$type": "entry_posted", "accountId": "00000000-0000-4000-8000-000000000009", "transferId": "00000000-0000-4000-8000-000000000040", "amountMinutes": 120, "balanceAfterMinutes": 455, "counterpartyAccountId": "32eef1bd-aaaf-547d-9d77-7f12c9af6b43"}]}', NULL, 'account_events_journaled', '2026-11-30 02:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountEventsJournaled, EPoomasi.Ledger', false);
INSERT INTO ledger.mt_events VALUES (31, 'b8879ad8-fe80-444d-9024-51335211bb40', '00000000-0000-4000-8000-000000000001', 2, '{"at": "2026-11-30T02:10:00+00:00", "by": {"actorId": "coordinator:fixture", "channel": "fixture"}, "cap": 6000, "floor": -1200, "reason": "care co-op", "accountId": "00000000-0000-4000-8000-000000000001"}', NULL, 'account_limits_changed', '2026-11-30 02:10:00+00', '*DEFAULT*', 'EPoomasi.Ledger.Accounts.AccountLimitsChanged, EPoomasi.Ledger', false);


--
-- Data for Name: mt_high_water_skips; Type: TABLE DATA; Schema: ledger; Owner: -
--



--
-- Data for Name: mt_streams; Type: TABLE DATA; Schema: ledger; Owner: -
--

INSERT INTO ledger.mt_streams VALUES ('c54f5f28-50f5-5222-8f51-b41ce1e678b8', NULL, 1, '2026-12-02 21:42:35.053812+00', '2026-12-02 21:42:35.053812+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('52fb5814-d11c-56ad-a438-ae0709d897b1', NULL, 1, '2026-12-02 21:42:35.053812+00', '2026-12-02 21:42:35.053812+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('32d9bba2-d9d8-507c-8107-0878d14c3a71', NULL, 1, '2026-12-02 21:42:35.283758+00', '2026-12-02 21:42:35.283758+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('34fcbe02-2ff8-595d-93ec-b6b11c4ae6d8', NULL, 1, '2026-12-02 21:42:35.283758+00', '2026-12-02 21:42:35.283758+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('1d3c02ca-ec45-53a3-8e80-c233557ed9cd', NULL, 2, '2026-12-02 21:42:35.291896+00', '2026-12-02 21:42:35.053812+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('c5a42ff3-96aa-53b4-9a10-3012b105c606', NULL, 2, '2026-12-02 21:42:35.291896+00', '2026-12-02 21:42:35.283758+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('3216a6b7-bd9f-57f5-826d-bb06759dbd85', NULL, 1, '2026-12-02 21:42:35.291896+00', '2026-12-02 21:42:35.291896+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('32eef1bd-aaaf-547d-9d77-7f12c9af6b43', NULL, 1, '2026-12-02 21:42:35.291896+00', '2026-12-02 21:42:35.291896+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000002', NULL, 1, '2026-12-02 21:42:35.360615+00', '2026-12-02 21:42:35.360615+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000003', NULL, 1, '2026-12-02 21:42:35.366985+00', '2026-12-02 21:42:35.366985+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000004', NULL, 1, '2026-12-02 21:42:35.369643+00', '2026-12-02 21:42:35.369643+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000005', NULL, 1, '2026-12-02 21:42:35.3802+00', '2026-12-02 21:42:35.3802+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000007', NULL, 1, '2026-12-02 21:42:35.385101+00', '2026-12-02 21:42:35.385101+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000008', NULL, 1, '2026-12-02 21:42:35.387248+00', '2026-12-02 21:42:35.387248+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000009', NULL, 1, '2026-12-02 21:42:35.389129+00', '2026-12-02 21:42:35.389129+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a229f7-4280-77b6-97c8-456357396882', 'journal', 1, '2026-11-30 01:00:00+00', '2026-11-30 01:00:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a229f7-4280-7fa1-91be-b7ea90582258', 'journal', 1, '2026-11-30 01:00:00+00', '2026-11-30 01:00:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a229fb-d660-75df-98c6-20d7df78252b', 'journal', 1, '2026-11-30 01:05:00+00', '2026-11-30 01:05:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a229fb-d660-76ee-ad45-ed037d774b10', 'journal', 1, '2026-11-30 01:05:00+00', '2026-11-30 01:05:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a22a00-6a40-78aa-8f8b-19fec191f3da', 'journal', 1, '2026-11-30 01:10:00+00', '2026-11-30 01:10:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a22a00-6a40-7a53-9b66-50442f709554', 'journal', 1, '2026-11-30 01:10:00+00', '2026-11-30 01:10:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a22a37-58c0-7325-b94d-e1c52d058de5', 'journal', 1, '2026-11-30 02:10:00+00', '2026-11-30 02:10:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a22a37-58c0-73ff-82e0-db3630b3a527', 'journal', 1, '2026-11-30 02:10:00+00', '2026-11-30 02:10:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a22a37-58c0-7d0d-a17d-9dec482268df', 'journal', 1, '2026-11-30 02:10:00+00', '2026-11-30 02:10:00+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000006', NULL, 3, '2026-12-02 21:42:35.61359+00', '2026-12-02 21:42:35.382893+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('00000000-0000-4000-8000-000000000001', NULL, 2, '2026-12-02 21:42:35.617497+00', '2026-12-02 21:42:35.349396+00', '*DEFAULT*', 0, false);
INSERT INTO ledger.mt_streams VALUES ('01a22a37-58c0-7c0f-b3f2-9a5c64e255f1', 'journal', 1, '2026-11-30 02:10:00+00', '2026-11-30 02:10:00+00', '*DEFAULT*', 0, false);


--
-- Data for Name: storage_layout; Type: TABLE DATA; Schema: ledger; Owner: -
--

INSERT INTO ledger.storage_layout VALUES (3);


--
-- Data for Name: transfers; Type: TABLE DATA; Schema: ledger; Owner: -
--

INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000010', 1, 0, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', '00000000-0000-4000-8000-000000000001', 300, 3, '환영합니다', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{c54f5f28-50f5-5222-8f51-b41ce1e678b8,00000000-0000-4000-8000-000000000001}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000011', 1, 0, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', '00000000-0000-4000-8000-000000000002', 300, 3, '환영합니다', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{c54f5f28-50f5-5222-8f51-b41ce1e678b8,00000000-0000-4000-8000-000000000002}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000012', 1, 0, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', '00000000-0000-4000-8000-000000000003', 300, 3, '환영합니다', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{c54f5f28-50f5-5222-8f51-b41ce1e678b8,00000000-0000-4000-8000-000000000003}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000013', 1, 0, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', '00000000-0000-4000-8000-000000000004', 300, 3, '환영합니다', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{c54f5f28-50f5-5222-8f51-b41ce1e678b8,00000000-0000-4000-8000-000000000004}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000014', 1, 0, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', '00000000-0000-4000-8000-000000000005', 300, 3, '환영합니다', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{c54f5f28-50f5-5222-8f51-b41ce1e678b8,00000000-0000-4000-8000-000000000005}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000015', 1, 0, 'c54f5f28-50f5-5222-8f51-b41ce1e678b8', '00000000-0000-4000-8000-000000000006', 300, 3, '환영합니다', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{c54f5f28-50f5-5222-8f51-b41ce1e678b8,00000000-0000-4000-8000-000000000006}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000016', 1, 0, '32d9bba2-d9d8-507c-8107-0878d14c3a71', '00000000-0000-4000-8000-000000000007', 300, 3, 'welcome', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{32d9bba2-d9d8-507c-8107-0878d14c3a71,00000000-0000-4000-8000-000000000007}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000017', 1, 0, '32d9bba2-d9d8-507c-8107-0878d14c3a71', '00000000-0000-4000-8000-000000000008', 300, 3, 'welcome', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{32d9bba2-d9d8-507c-8107-0878d14c3a71,00000000-0000-4000-8000-000000000008}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000018', 1, 0, '32d9bba2-d9d8-507c-8107-0878d14c3a71', '00000000-0000-4000-8000-000000000009', 300, 3, 'welcome', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{32d9bba2-d9d8-507c-8107-0878d14c3a71,00000000-0000-4000-8000-000000000009}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:00:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000020', 1, 0, '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', 45, 1, '반찬', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000003,00000000-0000-4000-8000-000000000004}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000021', 1, 0, '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000007', 60, 1, 'across', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000002,3216a6b7-bd9f-57f5-826d-bb06759dbd85,32eef1bd-aaaf-547d-9d77-7f12c9af6b43,00000000-0000-4000-8000-000000000007}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000022', 1, 0, '00000000-0000-4000-8000-000000000008', '00000000-0000-4000-8000-000000000005', 30, 1, 'back across', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000008,32eef1bd-aaaf-547d-9d77-7f12c9af6b43,3216a6b7-bd9f-57f5-826d-bb06759dbd85,00000000-0000-4000-8000-000000000005}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000023', 1, 70, '00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000001', 2000, 1, 'too much', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000028', 2, 0, '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000006', 25, 1, 'pending', NULL, NULL, NULL, NULL, '30 days', '2026-12-30 01:10:00+00', 1, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000002,00000000-0000-4000-8000-000000000006}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000029', 3, 0, '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000005', 60, 1, 'full', NULL, '00000000-0000-4000-8000-000000000024', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000004,00000000-0000-4000-8000-000000000005}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000030', 3, 0, '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000009', 35, 1, 'part', NULL, '00000000-0000-4000-8000-000000000025', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000005,3216a6b7-bd9f-57f5-826d-bb06759dbd85,32eef1bd-aaaf-547d-9d77-7f12c9af6b43,00000000-0000-4000-8000-000000000009}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', 35);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000031', 4, 0, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 20, 1, 'void', NULL, '00000000-0000-4000-8000-000000000026', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000024', 2, 0, '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000005', 60, 1, 'full', NULL, NULL, NULL, NULL, '2 days', '2026-12-02 01:10:00+00', 2, 60, '00000000-0000-4000-8000-000000000029', '2026-11-30 01:10:00+00', NULL, '{00000000-0000-4000-8000-000000000004,00000000-0000-4000-8000-000000000005}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000025', 2, 0, '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000009', 50, 1, 'part', NULL, NULL, NULL, NULL, '2 days', '2026-12-02 01:10:00+00', 2, 35, '00000000-0000-4000-8000-000000000030', '2026-11-30 01:10:00+00', NULL, '{00000000-0000-4000-8000-000000000005,3216a6b7-bd9f-57f5-826d-bb06759dbd85,32eef1bd-aaaf-547d-9d77-7f12c9af6b43,00000000-0000-4000-8000-000000000009}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000026', 2, 0, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 20, 1, 'void', NULL, NULL, NULL, NULL, '2 days', '2026-12-02 01:10:00+00', 3, NULL, '00000000-0000-4000-8000-000000000031', '2026-11-30 01:10:00+00', NULL, '{00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000003}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000032', 3, 57, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 20, 1, 'void', NULL, '00000000-0000-4000-8000-000000000026', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000027', 2, 0, '00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000008', 15, 1, 'expire', NULL, NULL, NULL, NULL, '00:30:00', '2026-11-30 01:40:00+00', 4, NULL, NULL, '2026-11-30 02:10:00+00', NULL, '{00000000-0000-4000-8000-000000000007,00000000-0000-4000-8000-000000000008}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000033', 5, 0, '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 90, 7, '보일러 수리', NULL, NULL, '00000000-0000-4000-8000-000000000019', 'entered twice', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000002,00000000-0000-4000-8000-000000000001}', 'coordinator:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000019', 1, 0, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 90, 1, '보일러 수리', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '00000000-0000-4000-8000-000000000033', '{00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002}', 'member:fixture', NULL, 'fixture', '2026-11-30 01:05:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000034', 5, 61, '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 90, 7, '보일러 수리', NULL, NULL, '00000000-0000-4000-8000-000000000019', 'again', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', 'coordinator:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000035', 1, 0, '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', 10, 1, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000003,00000000-0000-4000-8000-000000000004}', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000036', 1, 0, '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000005', 10, 1, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000004,00000000-0000-4000-8000-000000000005}', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000038', 1, 70, '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000005', 100000, 1, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000039', 1, 50, '00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000001', 5, 1, '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{}', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', NULL);
INSERT INTO ledger.transfers VALUES ('00000000-0000-4000-8000-000000000040', 1, 0, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000009', 120, 1, 'last', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{00000000-0000-4000-8000-000000000001,3216a6b7-bd9f-57f5-826d-bb06759dbd85,32eef1bd-aaaf-547d-9d77-7f12c9af6b43,00000000-0000-4000-8000-000000000009}', 'member:fixture', NULL, 'fixture', '2026-11-30 02:10:00+00', NULL);


--
-- Name: mt_events_sequence; Type: SEQUENCE SET; Schema: ledger; Owner: -
--

SELECT pg_catalog.setval('ledger.mt_events_sequence', 32, true);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
-- Name: entries entries_pkey; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.entries
    ADD CONSTRAINT entries_pkey PRIMARY KEY (account_id, version);


--
-- Name: mt_event_progression pk_mt_event_progression; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_event_progression
    ADD CONSTRAINT pk_mt_event_progression PRIMARY KEY (name);


--
-- Name: mt_doc_deadletterevent pkey_mt_doc_deadletterevent_id; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_doc_deadletterevent
    ADD CONSTRAINT pkey_mt_doc_deadletterevent_id PRIMARY KEY (id);


--
-- Name: mt_doc_district pkey_mt_doc_district_id; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_doc_district
    ADD CONSTRAINT pkey_mt_doc_district_id PRIMARY KEY (id);


--
-- Name: mt_event_projection_floors pkey_mt_event_projection_floors_name_tenant_id; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_event_projection_floors
    ADD CONSTRAINT pkey_mt_event_projection_floors_name_tenant_id PRIMARY KEY (name, tenant_id);


--
-- Name: mt_events pkey_mt_events_seq_id; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_events
    ADD CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id);


--
-- Name: mt_high_water_skips pkey_mt_high_water_skips_ending_sequence; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_high_water_skips
    ADD CONSTRAINT pkey_mt_high_water_skips_ending_sequence PRIMARY KEY (ending_sequence);


--
-- Name: mt_streams pkey_mt_streams_id; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_streams
    ADD CONSTRAINT pkey_mt_streams_id PRIMARY KEY (id);


--
-- Name: transfers transfers_pkey; Type: CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.transfers
    ADD CONSTRAINT transfers_pkey PRIMARY KEY (id);


--
-- Name: accounts_district_id; Type: INDEX; Schema: ledger; Owner: -
--

CREATE INDEX accounts_district_id ON ledger.accounts USING btree (district_id);


--
-- Name: pk_mt_events_stream_and_version; Type: INDEX; Schema: ledger; Owner: -
--

CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON ledger.mt_events USING btree (stream_id, version);


--
-- Name: transfers_pending_holds_by_expiry; Type: INDEX; Schema: ledger; Owner: -
--

CREATE INDEX transfers_pending_holds_by_expiry ON ledger.transfers USING btree (expires_at) WHERE (hold_state = 1);


--
-- Name: mt_events fkey_mt_events_stream_id; Type: FK CONSTRAINT; Schema: ledger; Owner: -
--

ALTER TABLE ONLY ledger.mt_events
    ADD CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES ledger.mt_streams(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


