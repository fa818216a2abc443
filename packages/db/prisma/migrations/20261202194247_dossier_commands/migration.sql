-- CreateTable
CREATE TABLE "dossier_commands" (
    "command_id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "operation" TEXT NOT NULL,
    "body_sha256" TEXT NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "dossier_commands_pkey" PRIMARY KEY ("command_id")
);

-- CreateIndex
CREATE INDEX "dossier_commands_dossier_id_idx" ON "dossier_commands"("dossier_id");
