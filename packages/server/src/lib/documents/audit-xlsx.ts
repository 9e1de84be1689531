import { auditActionLabel, auditEntityLabel } from "@luoshu/domain";
import ExcelJS from "exceljs";
import { chinaSecondOf } from "./china-time.ts";

/** One audit record as the export writes it; `before`/`after` already as (shortened) JSON text. */
export interface AuditListRow {
  at: Date;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  cityId: string | null;
  ip: string | null;
  before: string;
  after: string;
}

export interface AuditListOptions {
  /** e.g. "操作人：ly-pi；操作：提交申报书"; empty for none. */
  filtersDescription: string;
  /** How many records matched; more than the rows when the export was cut at its limit. */
  total: number;
  generatedAt: Date;
}

const columns: { header: string; width: number; value: (r: AuditListRow) => string }[] = [
  { header: "时间（北京时间）", width: 20, value: (r) => chinaSecondOf(r.at) },
  { header: "操作人", width: 16, value: (r) => r.actorUsername ?? "" },
  { header: "角色", width: 16, value: (r) => r.actorRole ?? "" },
  { header: "操作", width: 24, value: (r) => auditActionLabel(r.action).zh },
  { header: "Action", width: 28, value: (r) => auditActionLabel(r.action).en },
  { header: "操作代码", width: 28, value: (r) => r.action },
  { header: "对象类型", width: 12, value: (r) => auditEntityLabel(r.entityType).zh },
  { header: "对象编号", width: 38, value: (r) => r.entityId ?? "" },
  { header: "城市", width: 10, value: (r) => r.cityId ?? "" },
  { header: "IP", width: 16, value: (r) => r.ip ?? "" },
  { header: "变更前", width: 40, value: (r) => r.before },
  { header: "变更后", width: 40, value: (r) => r.after },
];

/** Row 1 says what was exported; row 2 is the header; records from row 3, newest first. */
export async function renderAuditList(rows: readonly AuditListRow[], options: AuditListOptions) {
  const book = new ExcelJS.Workbook();
  book.creator = "洛书 Luoshu";
  book.created = options.generatedAt;
  const sheet = book.addWorksheet("审计日志", { views: [{ state: "frozen", ySplit: 2, xSplit: 0 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: { numFmt: "@" } }));
  const cut = options.total > rows.length ? `，导出最新 ${rows.length} 条` : "";
  sheet
    .getRow(1)
    .getCell(
      1,
    ).value = `筛选条件：${options.filtersDescription.trim() || "无（全部）"}；共 ${options.total} 条${cut}；导出时间 ${chinaSecondOf(options.generatedAt)}`;
  sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.getRow(2);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).font = { bold: true };
  });
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
