-- SCIM users, groups, memberships and the provisioning outbox (#13). Ids are version 7 GUIDs as text: COLLATE "C"
-- makes their order the ordinal order the LiteDB store pages in, and lets ORDER BY id walk the primary key.

CREATE TABLE scim_users (
    id               text COLLATE "C" PRIMARY KEY,
    user_name        text        NOT NULL,
    user_name_key    text        NOT NULL,
    external_id      text,
    display_name     text,
    display_name_key text,
    primary_email    text,
    email_keys       text[]      NOT NULL DEFAULT '{}',
    active           boolean     NOT NULL,
    local            boolean     NOT NULL,
    roles            text[]      NOT NULL DEFAULT '{}',
    resource         text        NOT NULL,
    version          bigint      NOT NULL,
    created          timestamptz NOT NULL,
    last_modified    timestamptz NOT NULL
);

-- The upper-cased user name: unique case-insensitively (two nodes creating one name at once: one gets 23505).
CREATE UNIQUE INDEX scim_users_user_name_key_unique ON scim_users (user_name_key);
-- One index per FindCandidates hint, as the LiteDB store has.
CREATE INDEX scim_users_external_id ON scim_users (external_id);
CREATE INDEX scim_users_display_name_key ON scim_users (display_name_key);
CREATE INDEX scim_users_email_keys ON scim_users USING gin (email_keys);

CREATE TABLE scim_groups (
    id               text COLLATE "C" PRIMARY KEY,
    display_name     text        NOT NULL,
    display_name_key text        NOT NULL,
    external_id      text,
    resource         text        NOT NULL,
    version          bigint      NOT NULL,
    created          timestamptz NOT NULL,
    last_modified    timestamptz NOT NULL
);

CREATE UNIQUE INDEX scim_groups_display_name_key_unique ON scim_groups (display_name_key);
CREATE INDEX scim_groups_external_id ON scim_groups (external_id);

-- One row per membership. The foreign key takes a KEY SHARE lock on the group while members are added, so a group
-- deleted on another node at that moment cannot keep orphan members; member_id is a user or a group (no key).
CREATE TABLE scim_memberships (
    group_id    text COLLATE "C" NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
    member_id   text COLLATE "C" NOT NULL,
    member_type text NOT NULL,
    display     text,
    PRIMARY KEY (group_id, member_id)
);

CREATE INDEX scim_memberships_member_id ON scim_memberships (member_id);

-- Events recorded with the change that caused them, delivered by any node. A node claims what it reads for a while
-- (claimed_by, claimed_until), so two nodes do not deliver the same event at the same moment.
CREATE TABLE scim_outbox (
    sequence      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          smallint    NOT NULL,
    user_id       text        NOT NULL,
    claimed_by    uuid,
    claimed_until timestamptz
);
