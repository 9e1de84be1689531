import ExcelJS from "exceljs";
import { chinaSecondOf } from "./china-time.ts";

/** One project's money as the export writes it, in fen; the export shows 元. */
export interface LedgerExportProject {
  number: string;
  title: string;
  unitName: string;
  districtName: string;
  programName: string;
  year: number;
  approvedFen: number;
  committedFen: number;
  paidFen: number;
  returnedFen: number;
}

export interface LedgerExportPayment {
  number: string;
  unitName: string;
  node: string;
  amountFen: number;
  status: string;
  preparedAt: Date;
  paidAt: Date | null;
  treasuryRef: string;
}

export interface LedgerExportInput {
  cityNameZh: string;
  projects: LedgerExportProject[];
  payments: LedgerExportPayment[];
  generatedAt: Date;
}

const yuan = (fen: number) => fen / 100;
const money = { numFmt: "#,##0.00" };

function sheetOf(
  book: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width: number; money?: boolean }[],
  rows: (string | number)[][],
) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.money ? { style: money } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
}

/** Totals of the projects' money grouped by one of their fields. */
function grouped(projects: readonly LedgerExportProject[], key: (p: LedgerExportProject) => string) {
  const out = new Map<string, [number, number, number, number]>();
  for (const p of projects) {
    const t = out.get(key(p)) ?? [0, 0, 0, 0];
    out.set(key(p), [t[0] + p.approvedFen, t[1] + p.committedFen, t[2] + p.paidFen, t[3] + p.returnedFen]);
  }
  return [...out].sort(([a], [b]) => a.localeCompare(b, "zh"));
}

const totals = [
  { header: "批准金额（元）", width: 16, money: true },
  { header: "已承诺（元）", width: 16, money: true },
  { header: "已拨付（元）", width: 16, money: true },
  { header: "已退回/追回（元）", width: 18, money: true },
];

/**
 * 资金台账 as .xlsx for the finance bureau: each project's balances, its payments, and the paid
 * totals by year, program (计划类别), district and unit. Amounts are 元 with two decimals, converted
 * from whole fen only here.
 */
export async function renderLedgerBook(input: LedgerExportInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "洛书 Luoshu";
  book.created = input.generatedAt;
  sheetOf(
    book,
    "项目余额",
    [
      { header: "项目编号", width: 18 },
      { header: "项目名称", width: 36 },
      { header: "承担单位", width: 28 },
      { header: "县区", width: 12 },
      { header: "计划类别", width: 18 },
      { header: "年度", width: 8 },
      ...totals,
      { header: "待拨付（元）", width: 16, money: true },
    ],
    input.projects.map((p) => [
      p.number,
      p.title,
      p.unitName,
      p.districtName,
      p.programName,
      p.year,
      yuan(p.approvedFen),
      yuan(p.committedFen),
      yuan(p.paidFen),
      yuan(p.returnedFen),
      yuan(p.committedFen - p.paidFen),
    ]),
  );
  sheetOf(
    book,
    "拨款明细",
    [
      { header: "项目编号", width: 18 },
      { header: "承担单位", width: 28 },
      { header: "拨付节点", width: 12 },
      { header: "金额（元）", width: 16, money: true },
      { header: "状态", width: 10 },
      { header: "提出时间（北京时间）", width: 20 },
      { header: "拨付时间（北京时间）", width: 20 },
      { header: "国库支付凭证号", width: 20 },
    ],
    input.payments.map((p) => [
      p.number,
      p.unitName,
      p.node,
      yuan(p.amountFen),
      p.status,
      chinaSecondOf(p.preparedAt),
      p.paidAt ? chinaSecondOf(p.paidAt) : "",
      p.treasuryRef,
    ]),
  );
  const by: [string, string, (p: LedgerExportProject) => string][] = [
    ["按年度", "年度", (p) => String(p.year)],
    ["按计划类别", "计划类别", (p) => p.programName],
    ["按县区", "县区", (p) => p.districtName],
    ["按单位", "承担单位", (p) => p.unitName],
  ];
  for (const [name, header, key] of by) {
    sheetOf(
      book,
      name,
      [{ header, width: 28 }, ...totals],
      grouped(input.projects, key).map(([k, t]) => [k, ...t.map(yuan)]),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
