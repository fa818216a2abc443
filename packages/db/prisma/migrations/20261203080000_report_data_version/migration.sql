-- CreateTable
CREATE TABLE "report_data_changes" (
    "tx" BIGINT NOT NULL,
    "weight" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "report_data_changes_pkey" PRIMARY KEY ("tx")
);

-- Every statement that writes a table the progress report reads records its transaction (once).
-- The row becomes visible when the transaction commits, together with what it wrote, so the sum of
-- weights read before a report's queries is a version no newer than the data they see. Inserting
-- one row per transaction (no shared counter row) keeps writers from waiting on each other.
CREATE FUNCTION "report_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_data_changes (tx) VALUES (txid_current()) ON CONFLICT (tx) DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "administrative_units" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "criteria_sets" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "criteria" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tracks" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_status_records" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_targets" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "criterion_self_assessments" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "appraisal_verdicts" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "decisions" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recognitions" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
-- A dossier's stage moves often; the report reads only its unit, set, province and submission day.
CREATE TRIGGER "report_data_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "dossiers" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed_on_update" AFTER UPDATE OF "unit_code", "province_code", "criteria_set_code", "submitted_at" ON "dossiers" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
