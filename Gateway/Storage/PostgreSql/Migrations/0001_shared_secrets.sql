-- What every node must share to accept what another node issued (#13).

-- The token signing key, when Tokens:SigningKey is not configured: created once by whichever node starts first
-- (INSERT ... ON CONFLICT DO NOTHING, then read), so nodes that start together agree.
CREATE TABLE signing_keys (
    id         text        PRIMARY KEY,
    material   bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

-- The ASP.NET data-protection key ring (one XML element per key), so a cookie protected by one node is read by another.
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text        NOT NULL,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL
);
