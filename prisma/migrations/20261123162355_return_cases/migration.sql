-- CreateTable
CREATE TABLE "ReturnCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "rmaNumber" TEXT,
    "shopifyReturnId" TEXT,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "claimType" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "policyJson" TEXT NOT NULL,
    "decisionJson" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "ReturnCaseLine" (
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
    CONSTRAINT "ReturnCaseLine_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseEvidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseAuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseAuditEntry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RmaCounter" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "next" INTEGER NOT NULL DEFAULT 1001
);

-- CreateIndex
CREATE INDEX "ReturnCase_shop_status_slaDueAt_idx" ON "ReturnCase"("shop", "status", "slaDueAt");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_orderName_idx" ON "ReturnCase"("shop", "orderName");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_customerEmail_idx" ON "ReturnCase"("shop", "customerEmail");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_rmaNumber_key" ON "ReturnCase"("shop", "rmaNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_shopifyReturnId_key" ON "ReturnCase"("shop", "shopifyReturnId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_requestKey_key" ON "ReturnCase"("shop", "requestKey");

-- CreateIndex
CREATE INDEX "ReturnCaseLine_caseId_idx" ON "ReturnCaseLine"("caseId");

-- CreateIndex
CREATE INDEX "CaseEvidence_caseId_idx" ON "CaseEvidence"("caseId");

-- CreateIndex
CREATE INDEX "CaseNote_caseId_idx" ON "CaseNote"("caseId");

-- CreateIndex
CREATE INDEX "CaseAuditEntry_caseId_at_idx" ON "CaseAuditEntry"("caseId", "at");

