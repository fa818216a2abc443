-- The progress report reads the re-checks' results (the unit's re-assessment, the departments'
-- re-appraisal verdicts): their writers move the report's data version like the dossiers' do.
-- A re-check's stage and outcome move often; the report reads only its unit, province and plan.
CREATE TRIGGER "report_data_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "rechecks" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed_on_update" AFTER UPDATE OF "unit_code", "province_code", "plan" ON "rechecks" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recheck_criteria" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recheck_events" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
CREATE TRIGGER "report_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recheck_appraisal_tasks" FOR EACH STATEMENT EXECUTE FUNCTION "report_data_changed"();
