-- Up Migration
-- AlterTable
ALTER TABLE "ReturnCase" ADD COLUMN     "currency" TEXT NOT NULL,
ADD COLUMN     "customerName" TEXT,
ADD COLUMN     "escalationReason" TEXT,
ADD COLUMN     "finalDecisionJson" TEXT,
ADD COLUMN     "fullyEligible" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inspectionJson" TEXT,
ADD COLUMN     "labelUrl" TEXT,
ADD COLUMN     "orderJson" TEXT NOT NULL,
ADD COLUMN     "refundAmount" TEXT,
ADD COLUMN     "refundClaimKey" TEXT,
ADD COLUMN     "refundClaimedAt" TIMESTAMP(3),
ADD COLUMN     "refundEstimate" TEXT NOT NULL,
ADD COLUMN     "requestJson" TEXT NOT NULL,
ADD COLUMN     "reverseDeliveryId" TEXT,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "shopifyRefundIds" TEXT,
ADD COLUMN     "trackingNumber" TEXT,
ADD COLUMN     "trackingUrl" TEXT;

-- AlterTable
ALTER TABLE "ReturnCaseLine" ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "reason" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "CaseEvidence" ADD COLUMN     "lineItemId" TEXT;

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policyJson" TEXT NOT NULL,
    "presetId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_shop_version_key" ON "PolicyVersion"("shop", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_refundClaimKey_key" ON "ReturnCase"("shop", "refundClaimKey");

