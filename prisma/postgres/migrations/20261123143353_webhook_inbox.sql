-- Up Migration
-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "apiVersion" TEXT,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "payload" TEXT,
ADD COLUMN     "processedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "WebhookDelivery_processedAt_receivedAt_idx" ON "WebhookDelivery"("processedAt", "receivedAt");


-- Deliveries stored before the inbox existed were handled when they arrived.
UPDATE "WebhookDelivery" SET "processedAt" = "receivedAt" WHERE "processedAt" IS NULL;
