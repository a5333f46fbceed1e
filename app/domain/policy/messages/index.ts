import { SUPPORTED_LOCALES, type SupportedLocale } from "../schema";
import { en } from "./en";
import type { Messages } from "./types";

export type { ClauseText, Messages } from "./types";

const CATALOGS: Readonly<Record<SupportedLocale, Messages>> = { en };

/**
 * The supported locale for a BCP 47 tag: exact match, then the language
 * subtag ("en-US" → "en"), then English. Shoppers always get a readable text.
 */
export function resolveLocale(locale: string | undefined): SupportedLocale {
  if (locale === undefined) return "en";
  const lower = locale.toLowerCase();
  for (const l of SUPPORTED_LOCALES) if (l === lower) return l;
  const language = lower.split(/[-_]/)[0];
  for (const l of SUPPORTED_LOCALES) if (l === language) return l;
  return "en";
}

export function messagesFor(locale: string | undefined): Messages {
  return CATALOGS[resolveLocale(locale)];
}
