-- One statement appends to the audit chain (packages/db/src/audit.ts, appendAudit): the lock, the
-- head of the chain, the hash and the row, in one round trip instead of three, so the chain's
-- single lock is held for less time before the caller's commit.
--
-- The hash is the one auditHash computes: SHA-256 of the UTF-8 bytes of the canonical JSON array
-- ["ntm.audit.v1", seq, prevHash, occurredAt, actor, role, unitCode, dossierId, command, requestId,
-- summary]. seq and prevHash are only known under the lock, so the caller passes the rest of the
-- array already written (`p_rest`: the members after prevHash and the closing bracket) and this
-- function writes its start; a decimal seq and a hex hash need no JSON escaping.
--
-- VOLATILE and READ COMMITTED: each statement in the function takes a new snapshot, so the
-- statement after the lock sees the row of the append that held the lock before.
CREATE FUNCTION audit_append(
  p_occurred_at TIMESTAMPTZ,
  p_actor TEXT,
  p_role TEXT,
  p_unit_code TEXT,
  p_dossier_id UUID,
  p_command TEXT,
  p_request_id TEXT,
  p_summary JSONB,
  p_rest TEXT
) RETURNS TABLE (appended_seq BIGINT, appended_hash TEXT)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_seq BIGINT;
  v_prev TEXT;
  v_hash TEXT;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_append needs READ COMMITTED isolation, not %', current_setting('transaction_isolation');
  END IF;
  -- 'ntm_audi' in ASCII: the key every append takes (APPEND_LOCK_KEY in audit.ts).
  PERFORM pg_advisory_xact_lock(7959106697894913129);
  SELECT a.hash INTO v_prev FROM audit_events a ORDER BY a.seq DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
  v_hash := encode(sha256(convert_to('["ntm.audit.v1","' || v_seq::text || '","' || v_prev || '",' || p_rest, 'UTF8')), 'hex');
  INSERT INTO audit_events (seq, occurred_at, actor, role, unit_code, dossier_id, command, request_id, summary, prev_hash, hash)
  VALUES (v_seq, p_occurred_at, p_actor, p_role, p_unit_code, p_dossier_id, p_command, p_request_id, p_summary, v_prev, v_hash);
  RETURN QUERY SELECT v_seq, v_hash;
END
$$;
