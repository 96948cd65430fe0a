CREATE OR REPLACE FUNCTION apply_point_event() RETURNS trigger AS $fn$
BEGIN
  UPDATE members SET balance = balance + NEW.delta WHERE id = NEW.member_id;
  IF (SELECT balance FROM members WHERE id = NEW.member_id) < 0 THEN
    RAISE EXCEPTION 'balance would go negative for member %', NEW.member_id;
  END IF;
  RETURN NEW;
END;
$fn$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS point_events_balance ON point_events;
CREATE TRIGGER point_events_balance
  AFTER INSERT ON point_events
  FOR EACH ROW EXECUTE FUNCTION apply_point_event();
