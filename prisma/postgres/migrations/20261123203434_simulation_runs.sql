-- Up Migration
-- CreateTable
CREATE TABLE "SimulationRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "draftJson" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "baseJson" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "resultJson" TEXT,
    "cursor" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SimulationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SimulationRun_shop_createdAt_idx" ON "SimulationRun"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "SimulationRun_status_updatedAt_idx" ON "SimulationRun"("status", "updatedAt");

