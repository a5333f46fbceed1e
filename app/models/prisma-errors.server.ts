// Prisma's error codes that the models act on.

/** P2002: a unique constraint refused the write (a duplicate delivery, request key, …). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
