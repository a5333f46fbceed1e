// One customer-data export (customers/data_request) as a JSON download, for an authenticated
// admin of its own shop only; anything else is the same bare 404. The home page fetches it with
// the session token (App Bridge adds it to the app's own fetches) and saves it as a file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "~/db.server";
import { findDataRequestExport } from "~/models/data-request-export.server";
import { authenticate } from "~/shopify.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const row = await findDataRequestExport(db, session.shop, params.id ?? "");
  if (!row) throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  return new Response(row.exportJson, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="customer-data-${row.id}.json"`,
      // A customer's personal data: never kept by a cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
