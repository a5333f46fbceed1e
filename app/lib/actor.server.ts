// Who did it, for the audit trail: the staff member behind the admin session token.
type AdminAuth = { session: { shop: string; onlineAccessInfo?: { associated_user?: { email?: string | null } } }; sessionToken?: { sub?: string } | null };

export function actorOf(auth: AdminAuth): string {
  const email = auth.session.onlineAccessInfo?.associated_user?.email;
  if (email) return email;
  const sub = auth.sessionToken?.sub;
  return sub ? `staff:${sub.replace("gid://shopify/User/", "")}` : "staff";
}
