export { CURRENCY_MINOR_UNITS, DEFAULT_MINOR_UNITS, isCurrencyCode, minorUnits } from "./currency";
export {
  MoneyError,
  applyBasisPoints,
  applyPercent,
  formatAmount,
  formatBasisPoints,
  formatDecimal,
  isBasisPointPercent,
  isDecimalAmount,
  maxMinor,
  minMinor,
  parseAmount,
  parseDecimal,
  percentToBasisPoints,
  rescale,
} from "./money";
