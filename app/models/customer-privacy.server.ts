// customers/redact: the customer's personal data leaves every case of theirs — name, email and
// id on the case, the customer in the stored order snapshot, their evidence files — while the
// case itself (amounts, decisions, audit) stays, as the merchant's accounting needs it.
import type { Prisma } from "@prisma/client";
import { deleteCustomerUploads } from "./evidence-upload.server";
import { removeEvidenceFiles } from "./evidence-store.server";
import { searchTextOf } from "./return-case.server";

type Tx = Prisma.TransactionClient;

export type RedactRequest = { customerId: string | null; email: string | null; orderIds: string[] };

export async function redactCustomer(tx: Tx, shop: string, who: RedactRequest) {
  const or: Prisma.ReturnCaseWhereInput[] = [];
  if (who.customerId) or.push({ customerId: who.customerId });
  if (who.email) or.push({ customerEmail: who.email.toLowerCase() });
  if (who.orderIds.length) or.push({ orderId: { in: who.orderIds } });
  if (who.customerId) await removeEvidenceFiles(shop, await deleteCustomerUploads(tx, shop, who.customerId));
  if (!or.length) return 0;
  const cases = await tx.returnCase.findMany({ where: { shop, OR: or }, include: { evidence: true } });
  for (const c of cases) {
    const order = JSON.parse(c.orderJson) as Record<string, unknown>;
    await tx.returnCase.update({
      where: { id: c.id },
      data: {
        customerId: null,
        customerEmail: null,
        customerName: null,
        searchText: searchTextOf({ orderName: c.orderName, rmaNumber: c.rmaNumber }),
        orderJson: JSON.stringify({ ...order, customer: null }),
      },
    });
    await tx.caseEvidence.deleteMany({ where: { caseId: c.id } });
    await removeEvidenceFiles(shop, c.evidence.map((e) => e.storageKey));
  }
  return cases.length;
}
