/**
 * Reports brought into the library by hand: a JSON export (from the popup, the library or the CLI: one
 * report or an array), validated with the schema, or a saved .html page, audited with the same pipeline.
 */
import { auditDocument } from '../audit.ts';
import { ReportSchema, SCHEMA_VERSION, type Report } from '../schema.ts';

export interface Imported {
  reports: Report[];
  /** One plain sentence per file or item that could not be taken. */
  problems: string[];
}

export function importJson(text: string, fileName: string): Imported {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { reports: [], problems: [`${fileName}：不是有效的 JSON 文件`] };
  }
  const items = Array.isArray(data) ? data : [data];
  const out: Imported = { reports: [], problems: [] };
  items.forEach((item, i) => {
    const where = items.length > 1 ? `${fileName} 第 ${i + 1} 份` : fileName;
    const version = (item as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version !== SCHEMA_VERSION) {
      out.problems.push(
        version < SCHEMA_VERSION
          ? `${where}：由旧版导出（格式版本 ${version}，当前为 ${SCHEMA_VERSION}），请打开原网页重新核对，或用新版命令行工具重新导出`
          : `${where}：由更新的版本导出（格式版本 ${version}），请先更新本扩展`,
      );
      return;
    }
    const parsed = ReportSchema.safeParse(item);
    if (parsed.success) {
      // `$schema` names the export file's format; the library keeps the report itself.
      const { $schema: _, ...report } = parsed.data;
      out.reports.push(report);
    }
    else out.problems.push(`${where}：不是年报核对导出的报告（${parsed.error.issues[0]?.path.join('.') || '格式'}不符）`);
  });
  return out;
}

/** A saved page, audited as the extension audits it in place (no hidden-element test: nothing is rendered). */
export function importHtml(html: string, fileName: string, parse: (html: string) => Document): Imported {
  const result = auditDocument(parse(html), { file: fileName });
  return result ? { reports: [result.report], problems: [] } : { reports: [], problems: [`${fileName}：没有找到年报表格`] };
}
