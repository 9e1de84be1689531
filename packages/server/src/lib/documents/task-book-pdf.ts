import { formatWanYuan, formatYuan, type TaskBookContent } from "@luoshu/domain";
import {
  COLOR,
  type Column,
  contentWidth,
  createPdf,
  FONT,
  fieldTable,
  formatChinaDateTime,
  heading,
  paragraph,
  table,
} from "./pdf.ts";

/**
 * 计划任务书 as PDF (DT-RULES §18): the parties, the period, objectives and content, the performance
 * targets set with the budget (LY-FUNDS §23), milestones, the budget and team, and the payment nodes
 * with the clause each follows, then a signature block for each party — three for an open challenge
 * (揭榜挂帅, 三方协议). It is printed, signed, sealed, and its scan uploaded.
 */
export interface TaskBookPdfData {
  content: TaskBookContent;
  /** Labels of the payment triggers, by trigger code. */
  triggerLabels: Record<string, string>;
  generatedAt: Date;
}

export const citeOf = (s: { clause: string } | { setting: "city" } | null) =>
  !s ? "" : "clause" in s ? s.clause : "本市设定";

/** The parties who sign: the bureau, the unit and, for an open challenge, the demand enterprise. */
export const parties = (c: TaskBookContent): [string, string][] => [
  ["甲方（下达单位）", c.bureauZh],
  ["乙方（承担单位）", c.unitName],
  ...(c.tripartite ? ([["丙方（需求企业）", c.tripartite.thirdParty]] as [string, string][]) : []),
];

type Section =
  | { kind: "text"; title: string; paragraphs: string[] }
  | { kind: "table"; title: string; columns: Column[]; rows: string[][]; total?: string[]; empty?: string };

/** The task book's sections in order, written once for the PDF and the .docx. */
export function taskBookSections({ content: c, triggerLabels }: TaskBookPdfData): Section[] {
  const budgetTotal = c.budgetLines.reduce((s, l) => s + l.amountFen, 0);
  return [
    { kind: "text", title: "一、研究目标", paragraphs: [c.objectives || "（无）"] },
    { kind: "text", title: "二、主要研究内容", paragraphs: [c.researchContent || "（无）"] },
    {
      kind: "table",
      title: "三、考核指标（绩效目标）",
      columns: [
        { header: "类别", width: 1 },
        { header: "指标", width: 4 },
        { header: "目标值", width: 1.2, align: "right" },
        { header: "单位", width: 0.8 },
      ],
      rows: c.targets.map((t) => [t.kind, t.description, String(t.value), t.unit]),
    },
    {
      kind: "table",
      title: "四、进度安排",
      columns: [
        { header: "完成时间", width: 1.2 },
        { header: "阶段任务", width: 3.5 },
        { header: "阶段成果", width: 2.5 },
      ],
      rows: c.milestones.map((m) => [m.dueDate, m.description, m.deliverable]),
    },
    {
      kind: "table",
      title: "五、经费预算（财政资金）",
      columns: [
        { header: "科目", width: 3 },
        { header: "金额（元）", width: 2, align: "right" },
      ],
      rows: c.budgetLines.map((l) => [l.categoryName, formatYuan(l.amountFen)]),
      total: ["合计", formatYuan(budgetTotal)],
    },
    ...(c.midTermMilestone
      ? [
          {
            kind: "text" as const,
            title: "里程碑管理",
            paragraphs: [
              `本项目实行“里程碑”式管理，项目中期由甲方对节点目标任务开展督导（${citeOf(c.midTermMilestone.source)}）。${
                c.midTermMilestone.milestone
                  ? `中期节点：${c.midTermMilestone.milestone.dueDate}，${c.midTermMilestone.milestone.description}；阶段成果：${c.midTermMilestone.milestone.deliverable}。`
                  : "中期节点目标见进度安排。"
              }`,
            ],
          },
        ]
      : []),
    ...(c.lumpSumPilot
      ? [
          {
            kind: "text" as const,
            title: "经费包干制试点",
            paragraphs: [
              `本项目纳入经费“包干制”试点：由乙方根据项目实施需要自主编制和调整经费预算，实行项目负责人签字报销制（${citeOf(c.lumpSumPilot.source)}）。`,
            ],
          },
        ]
      : []),
    ...(c.lumpSum
      ? [
          {
            kind: "text" as const,
            title: "经费包干",
            paragraphs: [
              `本项目实行经费包干制，签订任务书后一次性拨付，由承担单位自主使用（${citeOf(c.lumpSum.source)}）。`,
            ],
          },
        ]
      : []),
    {
      kind: "table",
      title: "六、资金拨付",
      columns: [
        { header: "拨付节点", width: 1.4 },
        { header: "拨付条件", width: 2.4 },
        { header: "金额（元）", width: 1.6, align: "right" },
        { header: "依据", width: 1.6 },
      ],
      rows: c.nodes.map((n) => [
        n.code,
        triggerLabels[n.after] ?? n.after,
        formatYuan(n.amountFen),
        citeOf(n.source),
      ]),
      empty: "本项目不安排财政资金拨付",
    },
    {
      kind: "table",
      title: "七、项目组成员",
      columns: [
        { header: "姓名", width: 1 },
        { header: "职称", width: 1.2 },
        { header: "单位", width: 2.6 },
        { header: "投入月数", width: 1, align: "right" },
      ],
      rows: c.team.map((m) => [
        m.role === "pi" ? `${m.name}（负责人）` : m.name,
        m.title,
        m.unitName,
        String(m.workMonths),
      ]),
    },
    {
      kind: "text",
      title: "八、双方约定",
      paragraphs: c.terms.map((t, i) => `${i + 1}. ${t.textZh}${t.source ? `（${citeOf(t.source)}）` : ""}`),
    },
  ];
}

export async function renderTaskBookPdf(data: TaskBookPdfData): Promise<Buffer> {
  const c = data.content;
  const writer = createPdf({
    title: `计划任务书 ${c.number}`,
    subject: c.title,
    generatedAt: data.generatedAt,
  });
  const { doc } = writer;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);

  doc
    .font(FONT.bold)
    .fontSize(20)
    .text(`${c.cityNameZh}科技计划项目任务书`, left, doc.y, { width, align: "center" });
  if (c.tripartite) {
    doc
      .font(FONT.regular)
      .fontSize(12)
      .text("（揭榜挂帅项目三方协议）", left, doc.y, { width, align: "center" });
  }
  doc.moveDown(0.8);
  fieldTable(doc, [
    ["项目编号", c.number],
    ["项目名称", c.title],
    ["计划类别", c.programName],
    ["立项年度", String(c.year)],
    ...parties(c),
    ["项目负责人", c.piName ?? ""],
    ["执行期限", c.period ? `${c.period.startDate} 至 ${c.period.endDate}` : "（见附件）"],
    ["财政资金", `${formatWanYuan(c.amountFen)} 万元`],
    ["自筹资金", `${formatWanYuan(c.selfRaisedFen)} 万元`],
    ["配套资金", `${formatWanYuan(c.coFundingFen)} 万元`],
  ]);
  for (const s of taskBookSections(data)) {
    heading(doc, s.title);
    if (s.kind === "text") for (const p of s.paragraphs) paragraph(doc, p);
    else
      table(doc, s.columns, s.rows, {
        ...(s.total ? { totalRows: [s.total] } : {}),
        ...(s.empty ? { emptyText: s.empty } : {}),
      });
  }
  signatures(doc, parties(c));

  return writer.finish({
    header: `${c.cityNameZh} · 计划任务书`,
    headerRight: c.number,
    footerLines: [
      ...(c.paymentBasis ? [`拨付依据：${citeOf(c.paymentBasis)}`] : []),
      `生成时间 ${formatChinaDateTime(data.generatedAt)}（北京时间）`,
    ],
  });
}

/** One block per party, kept on one page, with room to sign and to stamp the seal. */
function signatures(doc: PDFKit.PDFDocument, parties: readonly [string, string][]) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const gap = 26;
  const block = 3 * gap + 10;
  doc.moveDown(1);
  for (const [role, name] of parties) {
    if (doc.y + block > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    doc.font(FONT.regular).fontSize(11).fillColor(COLOR.text);
    doc.text(`${role.slice(0, 2)}：${name}（盖章）`, left, top, { width, lineBreak: false });
    doc.text("法定代表人或授权代表（签字）：", left, top + gap, { width, lineBreak: false });
    doc.text("日期：      年    月    日", left, top + 2 * gap, { width, lineBreak: false });
    doc.x = left;
    doc.y = top + block;
  }
}
