/**
 * Clause policy engine — public API.
 *
 * Pure TypeScript, no I/O. Validate inputs once at the boundary with the
 * exported zod schemas, then call `decide()` as often as needed.
 */
export {
  CLAIM_TYPES,
  CONDITIONS,
  DURATION_UNITS,
  EVIDENCE_KINDS,
  FAULT_CLAIM_TYPES,
  PAYERS,
  POLICY_SCHEMA_VERSION,
  SUPPORTED_LOCALES,
  isAssumed,
  parsePolicy,
  policySchema,
  resolvePolicyPath,
  type Assumption,
  type ClaimType,
  type Condition,
  type Duration,
  type EvidenceKind,
  type Exclusion,
  type ExclusionMatcher,
  type FaultClaimRule,
  type FaultClaimType,
  type Payer,
  type Policy,
  type PolicyInput,
  type SupportedLocale,
} from "./schema";
export {
  inspectionSchema,
  orderSchema,
  returnRequestSchema,
  type Inspection,
  type InspectionLine,
  type OrderFulfillment,
  type OrderLineItem,
  type OrderSnapshot,
  type ReturnRequest,
  type ReturnRequestLine,
} from "./order";
export {
  LINE_CODES,
  decide,
  orderShippingCharge,
  toContractJson,
  type Decision,
  type DecisionLine,
  type Deduction,
  type DeductionKind,
  type LineCode,
} from "./decide";
export { PolicyEngineError, type PolicyEngineErrorCode } from "./errors";
export { CLAUSE, claimClause, conditionClause, evidenceClause, exclusionClause, windowClause } from "./clauses";
export { citableClauseIds, policyClauses, renderPolicyText, type PolicyClause, type RenderedPolicy } from "./render";
export { messagesFor, resolveLocale, type ClauseText, type Messages } from "./messages";
export { PRESET_IDS, getPreset, isPresetId, presetInputs, presets, type PresetId } from "./presets";
export {
  computeDeadline,
  computeLineDeadlines,
  serviceDueAt,
  serviceDuration,
  type Deadline,
  type LineDeadlines,
  type ServiceLevel,
} from "./deadlines";
export { formatRma, parseRma, type RmaFormat } from "./rma";
export { businessCalendarOf } from "./compile";
export { normalizeToken } from "./normalize";
// Calendar helpers later issues need for SLAs, re-exported for convenience.
export {
  addBusinessDays,
  addBusinessHours,
  addDuration,
  businessTimeBetween,
  isBusinessDay,
  type BusinessCalendar,
} from "../calendar/business";
