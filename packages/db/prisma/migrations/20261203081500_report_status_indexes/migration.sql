-- The progress report's reads of status records: the whole country's last quarter (without a
-- province the province index cannot serve it: a sequential scan of every record), and a unit's
-- records of a set before a date (the unique index's prefix is followed by criterion and
-- indicator, so a probe read every record of the unit, of any date).
-- CreateIndex
CREATE INDEX "unit_status_records_criteria_set_code_recorded_on_idx" ON "unit_status_records"("criteria_set_code", "recorded_on");

-- CreateIndex
CREATE INDEX "unit_status_records_unit_code_criteria_set_code_recorded_on_idx" ON "unit_status_records"("unit_code", "criteria_set_code", "recorded_on");
