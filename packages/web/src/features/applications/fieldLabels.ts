import type { Lang } from "../../app/locale";
import { yuan } from "../../components/money";
import { formatDateTime } from "../../components/time";

type Name = { zh: string; en: string };

const names: Record<string, Name> = {
  basic: { zh: "基本信息", en: "Basic information" },
  content: { zh: "研究内容", en: "Research content" },
  targets: { zh: "考核指标", en: "Targets" },
  milestones: { zh: "里程碑", en: "Milestones" },
  team: { zh: "项目团队", en: "Team" },
  partners: { zh: "合作单位", en: "Partners" },
  budget: { zh: "经费预算", en: "Budget" },
  funding: { zh: "自筹与配套资金", en: "Funding" },
  attachments: { zh: "附件", en: "Attachments" },
  commitment: { zh: "承诺书", en: "Commitment" },
  title: { zh: "名称", en: "title" },
  abstract: { zh: "摘要", en: "abstract" },
  keywords: { zh: "关键词", en: "keywords" },
  field: { zh: "领域", en: "field" },
  startDate: { zh: "开始日期", en: "start date" },
  endDate: { zh: "结束日期", en: "end date" },
  background: { zh: "立项背景与意义", en: "background" },
  objectives: { zh: "研究目标", en: "objectives" },
  researchContent: { zh: "研究内容", en: "research content" },
  technicalRoute: { zh: "技术路线", en: "technical route" },
  innovation: { zh: "创新点", en: "innovation" },
  basis: { zh: "研究基础与条件", en: "basis" },
  lines: { zh: "科目", en: "line" },
  amountFen: { zh: "金额", en: "amount" },
  purchaseFen: { zh: "购置费", en: "purchase" },
  selfRaisedFen: { zh: "单位自筹", en: "self-raised" },
  coFundingFen: { zh: "配套资金", en: "co-funding" },
  piConfirmedAt: { zh: "项目负责人确认时间", en: "PI confirmed" },
  unitConfirmedAt: { zh: "单位确认时间", en: "unit confirmed" },
  name: { zh: "姓名/名称", en: "name" },
  idNumberMasked: { zh: "身份证号", en: "ID number" },
  idNumber: { zh: "身份证号", en: "ID number" },
  unitName: { zh: "工作单位", en: "unit" },
  uscc: { zh: "统一社会信用代码", en: "credit code" },
  note: { zh: "说明", en: "note" },
  description: { zh: "内容", en: "description" },
  value: { zh: "数量", en: "value" },
  dueDate: { zh: "完成时间", en: "due" },
  deliverable: { zh: "交付成果", en: "deliverable" },
};

/** A revision snapshot's path (`content.team.0.name`) as a reader says it: 项目团队 · 第 1 项 · 姓名/名称. */
export function fieldLabel(path: string, lang: Lang): string {
  const parts = path.split(".");
  if (parts[0] === "content" && parts.length > 1) parts.shift(); // the snapshot wraps the content
  return parts
    .map((p) =>
      /^\d+$/.test(p)
        ? lang === "zh"
          ? `第 ${Number(p) + 1} 项`
          : `#${Number(p) + 1}`
        : (names[p]?.[lang] ?? p),
    )
    .join(" · ");
}

/** A changed value: amounts in yuan, instants in Beijing time, long text cut. */
export function valueText(path: string, v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "number" && path.endsWith("Fen")) return yuan(v);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v);
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}
