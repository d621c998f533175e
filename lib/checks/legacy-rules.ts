import type { Finding, Table } from '../schema.ts';
// Filled in with the legacy 统计表 extractor.
export function legacyRelations(_table: Table): Finding[] {
  return [];
}
