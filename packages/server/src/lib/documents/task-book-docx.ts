import { formatWanYuan, formatYuan } from "@luoshu/domain";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { citeOf, parties, type TaskBookPdfData, taskBookSections } from "./task-book-pdf.ts";

/**
 * 计划任务书 as Word (.docx): the same sections as the PDF (task-book-pdf.ts), for a unit or bureau
 * that fills in its own copy before printing. Fonts are named, not embedded: Word substitutes its
 * own CJK font (宋体) where the reader lacks Noto.
 */
const font = { ascii: "Noto Sans SC", eastAsia: "宋体", hAnsi: "Noto Sans SC" };
const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font, size: (opts.size ?? 11) * 2, ...(opts.bold ? { bold: true } : {}) });
const para = (text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({
    children: [run(text, opts)],
    spacing: { after: 120 },
    ...(opts.center ? { alignment: AlignmentType.CENTER } : {}),
  });

function table(headers: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [para(text, { bold, size: 10 })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...(rows.length ? rows : [headers.map((_, i) => (i === 0 ? "（无）" : ""))]).map(
        (r) => new TableRow({ children: r.map((c) => cell(c)) }),
      ),
    ],
  });
}

export async function renderTaskBookDocx(data: TaskBookPdfData): Promise<Buffer> {
  const c = data.content;
  const children: (Paragraph | Table)[] = [
    para(`${c.cityNameZh}科技计划项目任务书`, { bold: true, size: 20, center: true }),
    ...(c.tripartite ? [para("（揭榜挂帅项目三方协议）", { center: true })] : []),
    table(
      ["项目", "内容"],
      [
        ["项目编号", c.number],
        ["项目名称", c.title],
        ["计划类别", c.programName],
        ["立项年度", String(c.year)],
        ...parties(c).map(([role, name]) => [`${role}`, name]),
        ["项目负责人", c.piName ?? ""],
        ["执行期限", c.period ? `${c.period.startDate} 至 ${c.period.endDate}` : "（见附件）"],
        ["财政资金", `${formatWanYuan(c.amountFen)} 万元`],
      ],
    ),
  ];
  for (const s of taskBookSections(data)) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(s.title, { bold: true, size: 14 })] }),
    );
    if (s.kind === "text") children.push(...s.paragraphs.map((p) => para(p)));
    else
      children.push(
        table(
          s.columns.map((col) => col.header),
          s.rows,
        ),
      );
  }
  children.push(para(""));
  for (const [role, name] of parties(c)) {
    children.push(
      para(`${role.slice(0, 2)}：${name}（盖章）`),
      para("法定代表人或授权代表（签字）："),
      para("日期：      年    月    日"),
    );
  }
  if (c.paymentBasis)
    children.push(
      para(`拨付依据：${citeOf(c.paymentBasis)}；金额单位：元（${formatYuan(c.amountFen)}）`, { size: 9 }),
    );
  const doc = new Document({
    creator: c.bureauZh,
    title: `计划任务书 ${c.number}`,
    description: c.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
