export * from "./lifecycle";
export * from "./sla";
