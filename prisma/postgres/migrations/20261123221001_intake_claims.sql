-- Up Migration
-- CreateTable
CREATE TABLE "IntakeClaim" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "knownReturnIds" TEXT,

    CONSTRAINT "IntakeClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntakeClaim_shop_requestKey_key" ON "IntakeClaim"("shop", "requestKey");

