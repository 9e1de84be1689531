import {
  DomainError,
  disciplineOf,
  type ExpertImportColumn,
  type ExpertImportRawRow,
  expertImportColumns,
  expertImportLimits,
} from "@luoshu/domain";
import ExcelJS from "exceljs";

/**
 * The expert pool's spreadsheets: the import template (headers in Chinese, one example row), the
 * reading of a filled-in template, and the pool's export (ID numbers masked). All three run on the
 * document workers (render-pool.ts), never on the request thread.
 */

const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EDF3" } };
const sheetName = "专家";

/** The template: row 1 the headers (required ones marked *), row 2 an example, a notes sheet. */
export async function renderExpertTemplate(input: { exampleUscc: string; exampleIdNumber: string }) {
  const book = new ExcelJS.Workbook();
  book.creator = "洛书 Luoshu";
  const sheet = book.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  // Every column is text: an ID number typed as a number would lose its last digits.
  sheet.columns = expertImportColumns.map((c) => ({ key: c.key, width: c.width, style: { numFmt: "@" } }));
  const header = sheet.getRow(1);
  expertImportColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required ? `${c.headerZh}*` : c.headerZh;
    cell.font = { bold: true };
    cell.fill = headerFill;
  });
  const example: Record<ExpertImportColumn, string> = {
    username: "zhang-wei",
    displayName: "张伟",
    idNumber: input.exampleIdNumber,
    unitUscc: input.exampleUscc,
    disciplines: "46020；52020",
    title: "教授",
    keywords: "轴承；寿命预测；故障诊断",
    region: "涧西区",
    phone: "13800000000",
    email: "zhangwei@example.com",
    availability: "2026-03-01~2026-06-30",
  };
  sheet.addRow(expertImportColumns.map((c) => example[c.key]));
  const notes = book.addWorksheet("填写说明");
  notes.columns = [{ width: 28 }, { width: 90 }];
  const lines: [string, string][] = [
    ["第1行", "表头，请勿修改；带 * 的列必填。第2行为示例，导入前请删除或替换。"],
    ["身份证号", "18位居民身份证号码（GB 11643-1999），末位可为 X。"],
    ["所在单位统一社会信用代码", "须为本市已登记单位的代码。"],
    ["学科代码", "GB/T 13745 学科代码（3位一级或5位二级），多个用分号分隔，例如 46020；52020。"],
    ["研究方向关键词", "多个用分号或顿号分隔，至多20个。"],
    ["可评审时段", "起~止，例如 2026-03-01~2026-06-30；多个时段用分号分隔；不填表示不限。"],
    [
      "限制",
      `每个文件至多 ${expertImportLimits.maxRows} 行、${expertImportLimits.maxBytes / 1024 / 1024} MB。`,
    ],
  ];
  for (const l of lines) notes.addRow(l);
  notes.getColumn(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "object" && "result" in v) return v.result === undefined ? "" : String(v.result);
  return cell.text ?? "";
}

/**
 * Reads a filled-in template: the columns are found by their headers (so a column moved or an
 * asterisk dropped still reads), blank rows are skipped. The rows go back as JSON bytes, because a
 * worker's answer is bytes (render-pool.ts).
 */
export async function parseExpertSheet(input: { base64: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(input.base64, "base64") as unknown as ArrayBuffer);
  } catch {
    throw new DomainError({
      code: "ATTACHMENT_TYPE_MISMATCH",
      messageZh: "无法读取该文件：请上传按模板填写的 .xlsx 文件。",
      messageEn: "The file cannot be read: upload the template filled in, as .xlsx.",
    });
  }
  const sheet = book.getWorksheet(sheetName) ?? book.worksheets[0];
  if (!sheet) throw new DomainError({ code: "ATTACHMENT_EMPTY" });
  const byHeader = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => byHeader.set(cellText(cell).replace(/[*＊\s]/g, ""), col));
  const missing = expertImportColumns.filter((c) => c.required && !byHeader.has(c.headerZh));
  if (missing.length) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: `第1行缺少表头：${missing.map((c) => c.headerZh).join("、")}。请使用下载的模板。`,
      messageEn: `Row 1 lacks the headers: ${missing.map((c) => c.headerEn).join(", ")}. Use the template.`,
    });
  }
  const rows: ExpertImportRawRow[] = [];
  const last = Math.min(sheet.rowCount, expertImportLimits.maxRows + 2);
  for (let r = 2; r <= last; r++) {
    const row = sheet.getRow(r);
    const cells: ExpertImportRawRow["cells"] = {};
    for (const c of expertImportColumns) {
      const col = byHeader.get(c.headerZh);
      if (col) cells[c.key] = cellText(row.getCell(col)).trim().slice(0, 1000);
    }
    if (Object.values(cells).some((v) => v)) rows.push({ row: r, cells });
  }
  // More rows than allowed: say so (checkExpertImport counts them) without reading them all.
  const extra = sheet.rowCount > last ? [{ row: last + 1, cells: {} }] : [];
  return Buffer.from(JSON.stringify([...rows, ...extra]));
}

export interface ExpertListRow {
  username: string;
  displayName: string;
  idNumberMasked: string;
  unitName: string;
  unitUscc: string;
  disciplines: string[];
  title: string;
  keywords: string[];
  region: string;
  phone: string;
  email: string;
  availability: string;
  statusZh: string;
  suspensionReason: string;
}

/** The pool as a workbook: one row per expert, ID numbers masked, disciplines with their names. */
export async function renderExpertList(input: { rows: readonly ExpertListRow[]; generatedAt: Date }) {
  const book = new ExcelJS.Workbook();
  book.creator = "洛书 Luoshu";
  book.created = input.generatedAt;
  const sheet = book.addWorksheet("专家库", { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  const columns: [keyof ExpertListRow, string, number][] = [
    ["username", "用户名", 16],
    ["displayName", "姓名", 12],
    ["idNumberMasked", "身份证号（脱敏）", 22],
    ["unitName", "所在单位", 28],
    ["unitUscc", "统一社会信用代码", 22],
    ["disciplines", "学科", 36],
    ["title", "职称", 12],
    ["keywords", "研究方向关键词", 30],
    ["region", "所在地区", 12],
    ["phone", "手机", 14],
    ["email", "电子邮箱", 24],
    ["availability", "可评审时段", 26],
    ["statusZh", "状态", 10],
    ["suspensionReason", "暂停原因", 30],
  ];
  sheet.columns = columns.map(([key, , width]) => ({ key, width, style: { numFmt: "@" } }));
  const header = sheet.getRow(1);
  columns.forEach(([, title], i) => {
    const cell = header.getCell(i + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.fill = headerFill;
  });
  for (const r of input.rows) {
    sheet.addRow(
      columns.map(([key]) => {
        if (key === "disciplines")
          return r.disciplines.map((c) => `${c} ${disciplineOf(c)?.nameZh ?? ""}`.trim()).join("；");
        if (key === "keywords") return r.keywords.join("；");
        return r[key];
      }),
    );
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + input.rows.length, column: columns.length },
  };
  return Buffer.from(await book.xlsx.writeBuffer());
}
