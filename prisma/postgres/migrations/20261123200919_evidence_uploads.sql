-- Up Migration
-- CreateTable
CREATE TABLE "EvidenceUpload" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "caseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvidenceUpload_shop_customerId_orderId_idx" ON "EvidenceUpload"("shop", "customerId", "orderId");

