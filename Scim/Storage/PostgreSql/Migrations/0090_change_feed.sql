-- Cluster mode's change feed (#13): a change to a person that can alter whether their tokens are accepted, or with
-- which role, is appended to the gateway's change_log (gateway migration 0002, applied before this module's scripts)
-- in the same transaction, and announced with NOTIFY, so every node's token cache evicts that owner within a second.
-- Any update of a user counts (active, roles, userName and the rest): an extra eviction costs one store read.

CREATE FUNCTION scim_log_user_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM gateway_log_change('owner', OLD.id);
        RETURN OLD;
    END IF;
    PERFORM gateway_log_change('owner', NEW.id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER scim_users_change_feed AFTER UPDATE OR DELETE ON scim_users
    FOR EACH ROW EXECUTE FUNCTION scim_log_user_change();

-- Group membership can map to a role (Scim:RoleGroups): a member added or removed (a group's deletion removes its
-- members by cascade, which fires this too) is an owner change.
CREATE FUNCTION scim_log_membership_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM gateway_log_change('owner', OLD.member_id);
        RETURN OLD;
    END IF;
    PERFORM gateway_log_change('owner', NEW.member_id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER scim_memberships_change_feed AFTER INSERT OR DELETE ON scim_memberships
    FOR EACH ROW EXECUTE FUNCTION scim_log_membership_change();

-- A role group renamed changes the role of every member.
CREATE FUNCTION scim_log_group_rename() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
        PERFORM gateway_log_change('owner', m.member_id) FROM scim_memberships m WHERE m.group_id = NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER scim_groups_change_feed AFTER UPDATE ON scim_groups
    FOR EACH ROW EXECUTE FUNCTION scim_log_group_rename();
