-- Tokens' data on PostgreSQL (#13): tokens, their audit trail, service users, usage and the expiry-warning ledger.
-- No foreign keys on token ids: usage and warnings of a deleted token are pruned by the jobs, as on LiteDB.

CREATE TABLE tokens (
    id                text        PRIMARY KEY,
    hash              text        NOT NULL,
    name              text        NOT NULL,
    -- Owner id and the name upper-cased by the application (TokenRecord.MakeOwnerNameKey): names are unique per owner
    -- case-insensitively exactly as on LiteDB, whatever the database's locale makes of lower() and upper().
    owner_name_key    text        NOT NULL,
    owner_id          text        NOT NULL,
    owner_kind        text        NOT NULL,
    scim_only         boolean     NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    expires_at        timestamptz,
    revoked_at        timestamptz,
    revoked_by        text,
    revoked_by_kind   text,
    revoked_by_role   text,
    expired_at        timestamptz,
    -- Compare-and-set on every lifecycle change (UPDATE ... WHERE id = @id AND version = @version).
    version           bigint      NOT NULL DEFAULT 0,
    last_used_at      timestamptz,
    last_used_address text
);
CREATE UNIQUE INDEX tokens_hash_key ON tokens (hash);
CREATE UNIQUE INDEX tokens_owner_name_key ON tokens (owner_name_key);
CREATE INDEX tokens_owner_id ON tokens (owner_id);
CREATE INDEX tokens_owner_kind ON tokens (owner_kind);
CREATE INDEX tokens_expires_at ON tokens (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE audit (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    actor_kind     text,
    actor_role     text,
    action         text        NOT NULL,
    target         text        NOT NULL,
    client_address text,
    detail         text
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_action_target ON audit (action, target, id);

CREATE TABLE service_users (
    id             text        PRIMARY KEY,
    name           text        NOT NULL,
    role           text        NOT NULL,
    teams          text[]      NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    deactivated_at timestamptz
);

CREATE TABLE expiry_warnings (
    token_id       text        NOT NULL,
    threshold_days integer     NOT NULL,
    logged_at      timestamptz NOT NULL,
    delivered_at   timestamptz,
    gave_up_at     timestamptz,
    failed_runs    integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (token_id, threshold_days)
);

-- Minute buckets as nodes flush them; only ever inserted, and deleted by the fold that counted them.
CREATE TABLE usage_minutes (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_id           text        NOT NULL,
    flush_id          text        NOT NULL,
    token_id          text        NOT NULL,
    minute            timestamptz NOT NULL,
    success           bigint      NOT NULL,
    client_error      bigint      NOT NULL,
    server_error      bigint      NOT NULL,
    last_used_at      timestamptz NOT NULL,
    last_used_address text
);
CREATE INDEX usage_minutes_token_id ON usage_minutes (token_id);

-- Flushes already written, per node: a flush retried after a lost acknowledgement carries the same id and is skipped,
-- also after a fold has deleted its buckets. Rows older than a week are pruned by the fold.
CREATE TABLE usage_flushes (
    node_id    text        NOT NULL,
    flush_id   text        NOT NULL,
    applied_at timestamptz NOT NULL,
    PRIMARY KEY (node_id, flush_id)
);
CREATE INDEX usage_flushes_applied_at ON usage_flushes (applied_at);

CREATE TABLE usage_hourly (
    token_id          text        NOT NULL,
    period            timestamptz NOT NULL,
    success           bigint      NOT NULL,
    client_error      bigint      NOT NULL,
    server_error      bigint      NOT NULL,
    last_used_at      timestamptz NOT NULL,
    last_used_address text,
    PRIMARY KEY (token_id, period)
);
CREATE INDEX usage_hourly_period ON usage_hourly (period);

CREATE TABLE usage_daily (
    token_id          text        NOT NULL,
    period            timestamptz NOT NULL,
    success           bigint      NOT NULL,
    client_error      bigint      NOT NULL,
    server_error      bigint      NOT NULL,
    last_used_at      timestamptz NOT NULL,
    last_used_address text,
    PRIMARY KEY (token_id, period)
);
CREATE INDEX usage_daily_period ON usage_daily (period);
