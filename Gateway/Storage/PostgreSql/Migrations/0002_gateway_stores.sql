-- The gateway's own stores on PostgreSQL, and the change log every node follows (#13).

-- The server's half of browser sessions (the cookie carries only the id), so a cookie issued by one node works on another.
CREATE TABLE browser_sessions (
    id          text        PRIMARY KEY,
    owner_id    text        NOT NULL,
    method      text        NOT NULL,
    token_id    text        NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    ended_at    timestamptz NULL,
    end_reason  text        NULL
);
CREATE INDEX browser_sessions_expires_at ON browser_sessions (expires_at);

-- Used CLI consent forms: the primary key makes the second spend of one form fail on every node.
CREATE TABLE cli_consents (
    id          text        PRIMARY KEY,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX cli_consents_expires_at ON cli_consents (expires_at);

-- The readiness probe's marker, one row per node name.
CREATE TABLE storage_probe (
    id          text        PRIMARY KEY,
    checked_at  timestamptz NOT NULL
);

-- What may change a token's validity on another node's cache: a token (kind 'token', key = token id) or everything an
-- owner holds (kind 'owner', key = owner id). Written by triggers in the same transaction as the change; every node
-- LISTENs on channel 'gateway_changes' and, on a notification or after a reconnect, reads the rows after its last seq.
-- Old rows are pruned after a day.
CREATE TABLE change_log (
    seq   bigserial   PRIMARY KEY,
    kind  text        NOT NULL CHECK (kind IN ('token', 'owner')),
    key   text        NOT NULL,
    at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_at ON change_log (at);

-- Appends one change and wakes the listening nodes; the payload is the seq, but nodes read the table, not the payload.
CREATE FUNCTION gateway_log_change(change_kind text, change_key text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    new_seq bigint;
BEGIN
    IF change_key IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO change_log (kind, key) VALUES (change_kind, change_key) RETURNING seq INTO new_seq;
    PERFORM pg_notify('gateway_changes', new_seq::text);
END;
$$;
