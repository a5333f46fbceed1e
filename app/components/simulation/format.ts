// Display formatting for the simulation page (fixed locale, so server and browser agree).
import { formatMoney } from "~/components/case/format";

export { formatMoney };

/** "+$12.00", "−$5.00", "$0.00" for a signed decimal string. */
export function formatDelta(amount: string, currency: string): string {
  const negative = amount.startsWith("-");
  const abs = negative ? amount.slice(1) : amount;
  if (/^0*(\.0*)?$/.test(abs)) return formatMoney(abs, currency);
  return `${negative ? "−" : "+"}${formatMoney(abs, currency)}`;
}

/** "Nov 23, 2026, 9:05 AM" in the zone. */
export function formatWhen(iso: string | null, timeZone: string): string {
  if (!iso) return "—";
  try {
    return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZone }).format(new Date(iso));
  } catch {
    return iso;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
