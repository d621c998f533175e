/**
 * The report tables' keys, in the order a report prints them. The one place that order is written: the
 * schema's TableKey, the table list (lib/tables/index.ts), the checks, exports and labels all follow it.
 * Its own module, free of zod and of the tables' code, so the schema and the content script can use it.
 */
export const TABLE_KEYS = ['table2', 'table3', 'table4', 'legacy'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];
