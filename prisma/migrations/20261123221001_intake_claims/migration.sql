-- CreateTable
CREATE TABLE "IntakeClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "knownReturnIds" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "IntakeClaim_shop_requestKey_key" ON "IntakeClaim"("shop", "requestKey");

