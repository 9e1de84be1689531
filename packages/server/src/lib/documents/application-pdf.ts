import { type BudgetGroup, type Fen, formatWanYuan, formatYuan } from "@luoshu/domain";
import { createPdf, fieldTable, formatChinaDateTime, heading, paragraph, table } from "./pdf.ts";

/**
 * The application (项目申报书) as one PDF: what reviewers read and what the unit prints. Input is
 * plain data already loaded and decrypted by the caller; the only personal identifier it accepts
 * is a masked ID number.
 */

export interface ApplicationPdfHeader {
  cityNameZh: string;
  guideTitle: string;
  callTitle: string;
  applicationNo: string;
  /** 1 for the first submission; each return for revision adds one. */
  revision: number;
}

export interface ApplicationBasics {
  title: string;
  programNameZh: string;
  subKindNameZh?: string;
  unit: { name: string; uscc: string; districtNameZh?: string; address?: string };
  principalInvestigator: { name: string; titleZh?: string; phone?: string; email?: string };
  /** "YYYY-MM-DD", China calendar days. */
  startDate: string;
  endDate: string;
  keywords?: readonly string[];
  summary: string;
}

export interface ResearchSection {
  /** 研究内容, 技术路线, 创新点, 预期效益 … */
  titleZh: string;
  body: string;
}

export interface MeasurableTarget {
  /** 技术指标, 知识产权, 经济指标, 人才培养 … */
  kindZh: string;
  description: string;
  /** As written by the applicant ("3", "≥95%"): a target is displayed, never computed with. */
  value: string;
  unit: string;
}

export interface Milestone {
  dueDate: string;
  description: string;
  deliverable?: string;
}

export interface TeamMember {
  name: string;
  /** Masked as by `maskResidentId` ("4103**********123X"); a full ID number is refused. */
  idNumberMasked: string;
  age: number;
  youth: boolean;
  titleZh?: string;
  unitName: string;
  roleZh: string;
  /** Months a year spent on the project. */
  workMonths?: number;
}

export interface PartnerUnit {
  name: string;
  uscc: string;
  roleZh: string;
  taskZh?: string;
}

export interface BudgetLine {
  categoryNameZh: string;
  group: BudgetGroup;
  /** Fiscal funding asked for on this line. */
  amountFen: Fen;
  note?: string;
}

export interface ApplicationBudget {
  /** In the policy's category order. */
  lines: readonly BudgetLine[];
  selfRaisedFen: Fen;
  /** 配套资金 from a district or a partner; zero when none. */
  coFundingFen: Fen;
}

export interface ApplicationPdfData {
  header: ApplicationPdfHeader;
  basics: ApplicationBasics;
  research: readonly ResearchSection[];
  targets: readonly MeasurableTarget[];
  milestones: readonly Milestone[];
  team: readonly TeamMember[];
  partners: readonly PartnerUnit[];
  budget: ApplicationBudget;
  generatedAt: Date;
}

const FULL_RESIDENT_ID = /^\d{17}[\dXx]$/;

function assertMasked(team: readonly TeamMember[]): void {
  for (const [i, m] of team.entries()) {
    if (FULL_RESIDENT_ID.test(m.idNumberMasked) || !m.idNumberMasked.includes("*")) {
      // A full ID number in a PDF would leak with every download and print; refuse outright.
      throw new Error(`team[${i}].idNumberMasked is not masked`);
    }
  }
}

export interface BudgetTotals {
  directFen: Fen;
  indirectFen: Fen;
  fiscalFen: Fen;
  selfRaisedFen: Fen;
  coFundingFen: Fen;
  projectTotalFen: Fen;
}

export function budgetTotals(budget: ApplicationBudget): BudgetTotals {
  let directFen = 0;
  let indirectFen = 0;
  for (const line of budget.lines) {
    if (line.group === "indirect") indirectFen += line.amountFen;
    else directFen += line.amountFen;
  }
  const fiscalFen = directFen + indirectFen;
  return {
    directFen,
    indirectFen,
    fiscalFen,
    selfRaisedFen: budget.selfRaisedFen,
    coFundingFen: budget.coFundingFen,
    projectTotalFen: fiscalFen + budget.selfRaisedFen + budget.coFundingFen,
  };
}

const groupZh: Record<BudgetGroup, string> = {
  equipment: "设备费",
  business: "业务费",
  labour: "劳务费",
  indirect: "间接费用",
};

// The column header already says 万元, so the cell drops the unit.
const money = (fen: Fen) => [formatYuan(fen), formatWanYuan(fen).replace(/\s*万元$/, "")];

function renderBudget(doc: PDFKit.PDFDocument, budget: ApplicationBudget): void {
  const t = budgetTotals(budget);
  const columns = [
    { header: "预算科目", width: 2.2 },
    { header: "类别", width: 1 },
    { header: "金额（元）", width: 1.7, align: "right" as const },
    { header: "金额（万元）", width: 1.5, align: "right" as const },
    { header: "说明", width: 2.6 },
  ];
  table(
    doc,
    columns,
    budget.lines.map((l) => [l.categoryNameZh, groupZh[l.group], ...money(l.amountFen), l.note ?? ""]),
    {
      totalRows: [
        ["直接费用合计", "", ...money(t.directFen), ""],
        ["间接费用合计", "", ...money(t.indirectFen), ""],
        ["申请财政资金合计", "", ...money(t.fiscalFen), ""],
      ],
    },
  );
  heading(doc, "资金来源", 2);
  table(
    doc,
    [
      { header: "来源", width: 2.2 },
      { header: "金额（元）", width: 1.7, align: "right" },
      { header: "金额（万元）", width: 1.5, align: "right" },
    ],
    [
      ["申请财政资金", ...money(t.fiscalFen)],
      ["单位自筹资金", ...money(t.selfRaisedFen)],
      ["配套资金", ...money(t.coFundingFen)],
    ],
    { totalRows: [["项目总投资", ...money(t.projectTotalFen)]] },
  );
}

export async function renderApplicationPdf(data: ApplicationPdfData): Promise<Buffer> {
  assertMasked(data.team);
  const { header: h, basics: b } = data;
  const writer = createPdf({
    title: `项目申报书 ${h.applicationNo}`,
    subject: b.title,
    generatedAt: data.generatedAt,
  });
  const { doc } = writer;

  doc.font("cjk-bold").fontSize(18).text("项目申报书", { align: "center" });
  doc.moveDown(0.3);
  doc.font("cjk").fontSize(12).text(b.title, { align: "center" });
  doc.moveDown(0.8);

  heading(doc, "一、基本信息");
  const pi = b.principalInvestigator;
  fieldTable(doc, [
    ["项目名称", b.title],
    ["计划类别", b.subKindNameZh ? `${b.programNameZh}（${b.subKindNameZh}）` : b.programNameZh],
    ["申报指南", h.guideTitle],
    ["申报批次", h.callTitle],
    ["申报编号", `${h.applicationNo}（第 ${h.revision} 版）`],
    ["项目承担单位", b.unit.name],
    ["统一社会信用代码", b.unit.uscc],
    ...(b.unit.districtNameZh ? [["所在县区", b.unit.districtNameZh] as [string, string]] : []),
    ...(b.unit.address ? [["单位地址", b.unit.address] as [string, string]] : []),
    ["项目负责人", pi.titleZh ? `${pi.name}（${pi.titleZh}）` : pi.name],
    ...(pi.phone || pi.email
      ? [["联系方式", [pi.phone, pi.email].filter(Boolean).join("  ")] as [string, string]]
      : []),
    ["执行期限", `${b.startDate} 至 ${b.endDate}`],
    ...(b.keywords?.length ? [["关键词", b.keywords.join("；")] as [string, string]] : []),
  ]);
  heading(doc, "项目摘要", 2);
  paragraph(doc, b.summary);

  heading(doc, "二、研究内容");
  if (data.research.length === 0) paragraph(doc, "（无）", { indent: false });
  for (const section of data.research) {
    heading(doc, section.titleZh, 2);
    for (const para of section.body.split(/\n+/).filter((p) => p.trim())) paragraph(doc, para.trim());
  }

  heading(doc, "三、考核指标");
  table(
    doc,
    [
      { header: "序号", width: 0.5, align: "center" },
      { header: "指标类型", width: 1.2 },
      { header: "指标内容", width: 3.4 },
      { header: "目标值", width: 1, align: "right" },
      { header: "单位", width: 0.8, align: "center" },
    ],
    data.targets.map((t, i) => [String(i + 1), t.kindZh, t.description, t.value, t.unit]),
  );

  heading(doc, "四、进度安排（里程碑）");
  table(
    doc,
    [
      { header: "序号", width: 0.5, align: "center" },
      { header: "完成时间", width: 1.1, align: "center" },
      { header: "阶段目标", width: 3.4 },
      { header: "交付成果", width: 2 },
    ],
    data.milestones.map((m, i) => [String(i + 1), m.dueDate, m.description, m.deliverable ?? ""]),
  );

  heading(doc, "五、项目团队");
  table(
    doc,
    [
      { header: "姓名", width: 0.9 },
      { header: "身份证号", width: 1.75 },
      { header: "年龄", width: 0.55, align: "center" },
      { header: "青年", width: 0.55, align: "center" },
      { header: "职称", width: 1.25 },
      { header: "工作单位", width: 1.85 },
      { header: "分工", width: 1.2 },
      { header: "月/年", width: 0.6, align: "center" },
    ],
    data.team.map((m) => [
      m.name,
      m.idNumberMasked,
      String(m.age),
      m.youth ? "是" : "否",
      m.titleZh ?? "",
      m.unitName,
      m.roleZh,
      m.workMonths === undefined ? "" : String(m.workMonths),
    ]),
  );

  heading(doc, "六、合作单位");
  table(
    doc,
    [
      { header: "单位名称", width: 2.2 },
      { header: "统一社会信用代码", width: 1.7 },
      { header: "合作角色", width: 1 },
      { header: "承担任务", width: 2.4 },
    ],
    data.partners.map((p) => [p.name, p.uscc, p.roleZh, p.taskZh ?? ""]),
  );

  heading(doc, "七、经费预算");
  renderBudget(doc, data.budget);

  return writer.finish({
    header: `${h.cityNameZh} · ${h.guideTitle} · ${h.callTitle}`,
    headerRight: `${h.applicationNo} · 第 ${h.revision} 版`,
    footerLines: [`生成时间 ${formatChinaDateTime(data.generatedAt)}（北京时间）`],
  });
}
