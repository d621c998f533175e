import type { ExtractedTable } from './extract-table.ts';
export const LEGACY_SIGNATURE = /政府信息公开情况统计表/;
// The legacy 统计表 reader comes next.
export function extractLegacy(_tables: Element[]): ExtractedTable | null {
  return null;
}
