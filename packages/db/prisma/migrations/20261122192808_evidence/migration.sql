-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "object_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "media_type" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "evidence_object_key_key" ON "evidence"("object_key");

-- CreateIndex
CREATE INDEX "evidence_dossier_id_idx" ON "evidence"("dossier_id");
