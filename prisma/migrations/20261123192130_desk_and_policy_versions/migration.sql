-- AlterTable
ALTER TABLE "CaseEvidence" ADD COLUMN "lineItemId" TEXT;

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policyJson" TEXT NOT NULL,
    "presetId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReturnCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "rmaNumber" TEXT,
    "shopifyReturnId" TEXT,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "claimType" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "policyJson" TEXT NOT NULL,
    "decisionJson" TEXT NOT NULL,
    "orderJson" TEXT NOT NULL,
    "requestJson" TEXT NOT NULL,
    "fullyEligible" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL,
    "refundEstimate" TEXT NOT NULL,
    "inspectionJson" TEXT,
    "finalDecisionJson" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "labelUrl" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "reverseDeliveryId" TEXT,
    "escalationReason" TEXT,
    "refundClaimKey" TEXT,
    "refundClaimedAt" DATETIME,
    "refundAmount" TEXT,
    "shopifyRefundIds" TEXT,
    "requestKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "firstRepliedAt" DATETIME,
    "approvedAt" DATETIME,
    "receivedAt" DATETIME,
    "inspectedAt" DATETIME,
    "refundedAt" DATETIME,
    "closedAt" DATETIME,
    "escalatedAt" DATETIME,
    "escalationDecidedAt" DATETIME,
    "lastUpdateSentAt" DATETIME,
    "slaDueAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_ReturnCase" ("approvedAt", "claimType", "closedAt", "createdAt", "customerEmail", "customerId", "decisionJson", "escalated", "escalatedAt", "escalationDecidedAt", "firstRepliedAt", "id", "inspectedAt", "lastUpdateSentAt", "orderId", "orderName", "policyId", "policyJson", "policyVersion", "receivedAt", "refundedAt", "requestKey", "rmaNumber", "shop", "shopifyReturnId", "slaDueAt", "status", "updatedAt", "urgent", "version") SELECT "approvedAt", "claimType", "closedAt", "createdAt", "customerEmail", "customerId", "decisionJson", "escalated", "escalatedAt", "escalationDecidedAt", "firstRepliedAt", "id", "inspectedAt", "lastUpdateSentAt", "orderId", "orderName", "policyId", "policyJson", "policyVersion", "receivedAt", "refundedAt", "requestKey", "rmaNumber", "shop", "shopifyReturnId", "slaDueAt", "status", "updatedAt", "urgent", "version" FROM "ReturnCase";
DROP TABLE "ReturnCase";
ALTER TABLE "new_ReturnCase" RENAME TO "ReturnCase";
CREATE INDEX "ReturnCase_shop_status_slaDueAt_idx" ON "ReturnCase"("shop", "status", "slaDueAt");
CREATE INDEX "ReturnCase_shop_orderName_idx" ON "ReturnCase"("shop", "orderName");
CREATE INDEX "ReturnCase_shop_customerEmail_idx" ON "ReturnCase"("shop", "customerEmail");
CREATE UNIQUE INDEX "ReturnCase_shop_rmaNumber_key" ON "ReturnCase"("shop", "rmaNumber");
CREATE UNIQUE INDEX "ReturnCase_shop_shopifyReturnId_key" ON "ReturnCase"("shop", "shopifyReturnId");
CREATE UNIQUE INDEX "ReturnCase_shop_requestKey_key" ON "ReturnCase"("shop", "requestKey");
CREATE UNIQUE INDEX "ReturnCase_shop_refundClaimKey_key" ON "ReturnCase"("shop", "refundClaimKey");
CREATE TABLE "new_ReturnCaseLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "fulfillmentLineItemId" TEXT,
    "shopifyReturnLineItemId" TEXT,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "declaredCondition" TEXT NOT NULL,
    "gradedCondition" TEXT,
    "defectConfirmed" BOOLEAN,
    "refundBasisPoints" INTEGER,
    "code" TEXT NOT NULL,
    "clause" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "disposition" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "overrideReason" TEXT,
    CONSTRAINT "ReturnCaseLine_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReturnCaseLine" ("caseId", "clause", "code", "declaredCondition", "defectConfirmed", "disposition", "explanation", "fulfillmentLineItemId", "gradedCondition", "id", "lineItemId", "quantity", "refundBasisPoints", "shopifyReturnLineItemId", "title") SELECT "caseId", "clause", "code", "declaredCondition", "defectConfirmed", "disposition", "explanation", "fulfillmentLineItemId", "gradedCondition", "id", "lineItemId", "quantity", "refundBasisPoints", "shopifyReturnLineItemId", "title" FROM "ReturnCaseLine";
DROP TABLE "ReturnCaseLine";
ALTER TABLE "new_ReturnCaseLine" RENAME TO "ReturnCaseLine";
CREATE INDEX "ReturnCaseLine_caseId_idx" ON "ReturnCaseLine"("caseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_shop_version_key" ON "PolicyVersion"("shop", "version");

