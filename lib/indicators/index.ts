/**
 * Indicators of the inventory (DESIGN §4): pure functions of
 * (InventorySnapshot, as-of date). Build the snapshot with
 * `loadInventorySnapshot(db)` from db/queries/inventory-snapshot.ts.
 */
export * from "./inventory";
export * from "./timeline";
export * from "./deadlines";
export * from "./ratings";
export * from "./transposition-status";
export * from "./transposition-deficit";
export * from "./infringements";
export * from "./coverage";
export * from "./harmonisation";
export * from "./dashboard";
export * from "./gap-matrix";
export * from "./catalogue";
export * from "./headline";
