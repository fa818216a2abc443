-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "appraiser_departments" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "appraisers" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "deciding_level" TEXT NOT NULL DEFAULT 'province',
ADD COLUMN     "unit_chain" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "unit_level" TEXT NOT NULL DEFAULT 'commune';

-- CreateIndex
CREATE INDEX "dossiers_unit_chain_idx" ON "dossiers" USING GIN ("unit_chain");

-- CreateIndex
CREATE INDEX "dossiers_appraiser_departments_idx" ON "dossiers" USING GIN ("appraiser_departments");

-- Dossiers opened before this migration: fill their access scope from the catalog and their tasks.
UPDATE "dossiers" d SET
  "unit_chain" = (
    WITH RECURSIVE up AS (
      SELECT u."code", u."parent_code", 0 AS depth FROM "administrative_units" u WHERE u."code" = d."unit_code"
      UNION ALL
      SELECT p."code", p."parent_code", up.depth + 1 FROM "administrative_units" p JOIN up ON p."code" = up."parent_code"
    )
    SELECT COALESCE(array_agg(up."code" ORDER BY up.depth DESC), ARRAY[d."unit_code"]) FROM up
  ),
  "unit_level" = COALESCE((SELECT t."unit_level" FROM "tracks" t WHERE t."code" = d."track_code"), 'commune'),
  "deciding_level" = COALESCE((
    SELECT s ->> 'decidingLevel' FROM "tracks" t, jsonb_array_elements(t."stages") s
    WHERE t."code" = d."track_code" AND s ->> 'kind' = 'decision' LIMIT 1
  ), 'province'),
  "appraisers" = COALESCE((
    SELECT jsonb_agg(jsonb_build_object('departmentCode', a."department_code", 'criterionCodes', a."codes"))
    FROM (
      SELECT "department_code", array_agg(DISTINCT c) AS codes
      FROM "appraisal_tasks" t, unnest(t."criterion_codes") c WHERE t."dossier_id" = d."id" GROUP BY "department_code"
    ) a
  ), '[]'::jsonb),
  "appraiser_departments" = COALESCE((SELECT array_agg(DISTINCT t."department_code") FROM "appraisal_tasks" t WHERE t."dossier_id" = d."id"), ARRAY[]::TEXT[]);
