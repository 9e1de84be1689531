import { FEN_PER_YUAN, type Fen } from "@luoshu/domain";
import ExcelJS from "exceljs";

/**
 * The application list as an Excel workbook, for officers who sort, filter and total in Excel.
 * Money goes out as numbers in 元 (so Excel can sum it) with a two-decimal format; times go out as
 * Beijing wall-clock times, because an Excel date has no time zone and the reader is in China.
 */

export interface ApplicationListRow {
  applicationNo: string;
  title: string;
  programNameZh: string;
  callTitle: string;
  unitName: string;
  uscc: string;
  districtNameZh?: string;
  principalInvestigator: string;
  /** The status as the UI shows it (已提交, 形式审查中 …). */
  statusZh: string;
  requestedFen: Fen;
  selfRaisedFen: Fen;
  /** Requested + self-raised + co-funding. */
  totalFen: Fen;
  /** "YYYY-MM-DD" */
  startDate?: string;
  endDate?: string;
  submittedAt: Date | null;
  updatedAt: Date;
}

type Kind = "text" | "money" | "date" | "datetime";

export const applicationListColumns = {
  applicationNo: { headerZh: "申报编号", kind: "text", width: 20 },
  title: { headerZh: "项目名称", kind: "text", width: 40 },
  programNameZh: { headerZh: "计划类别", kind: "text", width: 16 },
  callTitle: { headerZh: "申报批次", kind: "text", width: 24 },
  unitName: { headerZh: "承担单位", kind: "text", width: 28 },
  uscc: { headerZh: "统一社会信用代码", kind: "text", width: 22 },
  districtNameZh: { headerZh: "所在县区", kind: "text", width: 10 },
  principalInvestigator: { headerZh: "项目负责人", kind: "text", width: 12 },
  statusZh: { headerZh: "状态", kind: "text", width: 12 },
  requestedFen: { headerZh: "申请财政资金（元）", kind: "money", width: 18 },
  selfRaisedFen: { headerZh: "自筹资金（元）", kind: "money", width: 18 },
  totalFen: { headerZh: "项目总投资（元）", kind: "money", width: 18 },
  startDate: { headerZh: "开始日期", kind: "date", width: 12 },
  endDate: { headerZh: "结束日期", kind: "date", width: 12 },
  submittedAt: { headerZh: "提交时间", kind: "datetime", width: 17 },
  updatedAt: { headerZh: "最后更新", kind: "datetime", width: 17 },
} as const satisfies Record<keyof ApplicationListRow, { headerZh: string; kind: Kind; width: number }>;

export type ApplicationListColumn = keyof typeof applicationListColumns;

export const allApplicationListColumns = Object.keys(applicationListColumns) as ApplicationListColumn[];

const NUM_FMT: Record<Kind, string | undefined> = {
  text: "@",
  money: "#,##0.00",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
};

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The Beijing wall-clock time as a zone-less Excel date (exceljs writes a Date's UTC fields). */
function chinaWallClock(at: Date): Date {
  return new Date(at.getTime() + CHINA_OFFSET_MS);
}

function cellValue(kind: Kind, value: ApplicationListRow[ApplicationListColumn]): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case "text":
      return String(value);
    case "money":
      // Fen to yuan happens here, at the export edge, only; 1234567 fen is the double nearest 12345.67.
      return (value as number) / FEN_PER_YUAN;
    case "date":
      return new Date(`${String(value)}T00:00:00Z`);
    case "datetime":
      return chinaWallClock(value as Date);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export interface ApplicationListOptions {
  /** Human-readable filters, e.g. "计划类别：重大科技专项；状态：已提交；县区：涧西区"; empty for none. */
  filtersDescription: string;
  /** Which columns, in which order; every column when omitted. */
  columns?: readonly ApplicationListColumn[];
  generatedAt: Date;
  sheetName?: string;
}

/** Row 1 says what was exported; row 2 is the header; data from row 3. */
export const LIST_HEADER_ROW = 2;

export async function renderApplicationList(
  rows: readonly ApplicationListRow[],
  options: ApplicationListOptions,
): Promise<Buffer> {
  const columns = options.columns?.length ? options.columns : allApplicationListColumns;
  const book = new ExcelJS.Workbook();
  book.creator = "洛书 Luoshu";
  book.created = options.generatedAt;
  const sheet = book.addWorksheet(options.sheetName ?? "申报项目清单", {
    views: [{ state: "frozen", ySplit: LIST_HEADER_ROW, xSplit: 0 }],
  });
  sheet.columns = columns.map((key) => ({
    key,
    width: applicationListColumns[key].width,
    style: { numFmt: NUM_FMT[applicationListColumns[key].kind] },
  }));

  const exportedAt = new Date(options.generatedAt.getTime() + CHINA_OFFSET_MS)
    .toISOString()
    .slice(0, 16)
    .replace("T", " ");
  const filters = options.filtersDescription.trim() || "无（全部）";
  const info = sheet.getRow(1);
  info.getCell(1).value = `筛选条件：${filters}；共 ${rows.length} 条；导出时间 ${exportedAt}（北京时间）`;
  info.getCell(1).numFmt = "@";
  info.getCell(1).font = { italic: true, color: { argb: "FF595959" } };
  sheet.mergeCells(1, 1, 1, columns.length);

  const header = sheet.getRow(LIST_HEADER_ROW);
  columns.forEach((key, i) => {
    const cell = header.getCell(i + 1);
    cell.value = applicationListColumns[key].headerZh;
    cell.numFmt = "@";
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EDF3" } };
  });

  for (const row of rows) {
    sheet.addRow(columns.map((key) => cellValue(applicationListColumns[key].kind, row[key])));
  }

  sheet.autoFilter = {
    from: { row: LIST_HEADER_ROW, column: 1 },
    to: { row: LIST_HEADER_ROW + rows.length, column: columns.length },
  };
  return Buffer.from(await book.xlsx.writeBuffer());
}
