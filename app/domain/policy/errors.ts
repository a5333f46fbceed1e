/** Error codes the engine raises for inputs that schemas alone cannot catch. */
export type PolicyEngineErrorCode = "INVALID_ORDER" | "INVALID_INSPECTION" | "CURRENCY_MISMATCH" | "INVALID_ARGUMENTS";

/** A decision could not be made because the inputs contradict each other or the policy. */
export class PolicyEngineError extends Error {
  override readonly name = "PolicyEngineError";
  constructor(
    readonly code: PolicyEngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}
