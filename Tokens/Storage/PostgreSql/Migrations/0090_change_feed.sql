-- Cluster mode's change feed (#13): every change that can alter whether a token is accepted is appended to the
-- gateway's change_log (gateway migration 0002, applied before this module's scripts) in the same transaction, and
-- announced with NOTIFY, so every node's token cache evicts it within a second. The usage fold's last-use writes are
-- not changes to validity and are left out: they would evict every active token on every fold.

CREATE FUNCTION tokens_log_token_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM gateway_log_change('token', OLD.id);
        RETURN OLD;
    END IF;
    IF (to_jsonb(NEW) - 'last_used_at' - 'last_used_address') IS DISTINCT FROM (to_jsonb(OLD) - 'last_used_at' - 'last_used_address') THEN
        PERFORM gateway_log_change('token', NEW.id);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER tokens_change_feed AFTER UPDATE OR DELETE ON tokens
    FOR EACH ROW EXECUTE FUNCTION tokens_log_token_change();

-- A service user's deactivation, reactivation, role change or removal changes all of its tokens.
CREATE FUNCTION tokens_log_service_user_change() RETURNS trigger
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

CREATE TRIGGER service_users_change_feed AFTER UPDATE OR DELETE ON service_users
    FOR EACH ROW EXECUTE FUNCTION tokens_log_service_user_change();
