export * from "./lifecycle";
export * from "./sla";
export * from "./inspection";
