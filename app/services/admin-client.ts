// The seam between services and the Admin API: a `graphql` function as authenticate.admin and
// unauthenticated.admin hand it out. Services take it injected so tests can pass a stand-in.
export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<Response>;

export class AdminApiError extends Error {
  override name = "AdminApiError";
  constructor(
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

/** Runs one operation and returns its `data`, throwing AdminApiError on GraphQL errors. */
export async function runAdminOperation<T>(
  graphql: AdminGraphql,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await graphql(query, variables ? { variables } : undefined);
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) {
    throw new AdminApiError(body.errors.map((e) => e.message).join("; "), body.errors);
  }
  if (body.data === undefined) throw new AdminApiError("Admin API answered without data");
  return body.data;
}
