/**
 * Constraints Prisma's schema language cannot express (CHECK constraints), written by hand in the
 * migration that introduced each. The schema-drift test adds them to the database it builds from
 * schema.prisma, so a migration that lacks one, or states it differently, still fails the test.
 */
export const handWrittenConstraints: readonly string[] = [
  // 20261203143556_evidence_of_rechecks: a file belongs to exactly one dossier or one re-check.
  'ALTER TABLE "evidence" ADD CONSTRAINT "evidence_one_owner" CHECK (("dossier_id" IS NULL) <> ("recheck_id" IS NULL))',
];
