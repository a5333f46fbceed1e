// Display formatting for the case page (server and browser alike: fixed locale, explicit zone).

/** "$160.00" from a decimal string and its currency; the amount as given when it is not a number. */
export function formatMoney(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "−$9.99" for a deduction. */
export function formatDeduction(amount: string, currency: string): string {
  return `−${formatMoney(amount, currency)}`;
}

/** "Nov 23, 2026, 9:05 AM EST" in the shop's zone — the same on server and browser, so hydration matches. */
export function formatDateTime(iso: string | null | undefined, timeZone = "UTC"): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  try {
    return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
  } catch {
    return date.toISOString();
  }
}

export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return "—";
  return `${Number.isInteger(percent) ? percent : percent.toFixed(2).replace(/0+$/, "").replace(/\.$/, "")} %`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
