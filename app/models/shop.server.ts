// Installed shops and their Shopify sessions.
import type { Prisma } from "@prisma/client";

type Tx = Prisma.TransactionClient;

export async function markUninstalled(tx: Tx, shop: string, at = new Date()) {
  await tx.session.deleteMany({ where: { shop } });
  await tx.shop.upsert({
    where: { shop },
    create: { shop, uninstalledAt: at },
    update: { uninstalledAt: at },
  });
}

export async function updateGrantedScopes(tx: Tx, shop: string, scopes: string[]) {
  const scope = scopes.join(",");
  await tx.session.updateMany({ where: { shop }, data: { scope } });
  await tx.shop.upsert({ where: { shop }, create: { shop, scope }, update: { scope } });
}

/** shop/redact: everything Clause holds for the shop goes, but the redaction's own delivery
 * record, which keeps a retry of it from running again. */
export async function eraseShop(tx: Tx, shop: string, keepDeliveryId: string) {
  await tx.session.deleteMany({ where: { shop } });
  await tx.shop.deleteMany({ where: { shop } });
  await tx.returnCase.deleteMany({ where: { shop } }); // lines, evidence, notes, audit cascade
  await tx.caseAuditEntry.deleteMany({ where: { shop } });
  await tx.rmaCounter.deleteMany({ where: { shop } });
  await tx.policyVersion.deleteMany({ where: { shop } });
  await tx.evidenceUpload.deleteMany({ where: { shop } });
  await tx.simulationRun.deleteMany({ where: { shop } });
  await tx.webhookDelivery.deleteMany({ where: { shop, webhookId: { not: keepDeliveryId } } });
}
