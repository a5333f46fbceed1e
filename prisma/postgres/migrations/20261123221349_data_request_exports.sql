-- Up Migration
-- CreateTable
CREATE TABLE "DataRequestExport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "dataRequestId" TEXT,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "caseCount" INTEGER NOT NULL,
    "exportJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataRequestExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataRequestExport_webhookId_key" ON "DataRequestExport"("webhookId");

-- CreateIndex
CREATE INDEX "DataRequestExport_shop_createdAt_idx" ON "DataRequestExport"("shop", "createdAt");

