/**
 * The five seed presets, validated once at module load (a broken preset fails
 * fast, at import, not during a decision).
 */
import { policySchema, type Policy, type PolicyInput } from "../schema";
import { cleanBeauty } from "./clean-beauty";
import { kendraScottMall } from "./kendra-scott-mall";
import { pura } from "./pura";
import { purtly } from "./purtly";
import { soulmateSparkStudio } from "./soulmate-spark-studio";

export const PRESET_IDS = ["pura", "kendra-scott-mall", "clean-beauty", "purtly", "soulmate-spark-studio"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** The presets as written (defaults may be omitted), e.g. to seed the merchant's editor. */
export const presetInputs: Readonly<Record<PresetId, PolicyInput>> = {
  pura,
  "kendra-scott-mall": kendraScottMall,
  "clean-beauty": cleanBeauty,
  purtly,
  "soulmate-spark-studio": soulmateSparkStudio,
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Validated, frozen presets by id. */
export const presets: Readonly<Record<PresetId, Policy>> = Object.freeze(
  Object.fromEntries(PRESET_IDS.map((id) => [id, deepFreeze(policySchema.parse(presetInputs[id]))])) as Record<PresetId, Policy>,
);

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

/** A validated preset by id, or undefined for an unknown id. */
export function getPreset(id: string): Policy | undefined {
  return isPresetId(id) ? presets[id] : undefined;
}
