-- REPLACE (and INSERT OR REPLACE) on an existing event deletes it and inserts another; the DELETE trigger of 0001 does not
-- fire for that unless the connection turned recursive_triggers on. A BEFORE INSERT trigger runs before the conflict is
-- resolved, on every connection: an insert that names an existing event's id is refused, whatever its conflict clause.
CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
