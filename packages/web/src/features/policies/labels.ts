import type { Approver, BudgetGroup, FundingMode, PerformanceGrade, SelectionMode } from "@luoshu/domain";

/**
 * Display names for the policy schema's enums, keyed by the domain's codes so a new code fails the
 * build here; codes the browser does not know yet fall back to the code itself (`nameOf`).
 */
type Names<K extends string> = Record<K, { zh: string; en: string }>;

export const fundingModeNames: Names<FundingMode> = {
  preFunding: { zh: "前资助", en: "Pre-funding" },
  postSubsidy: { zh: "后补助", en: "Post-subsidy" },
  filing: { zh: "备案立项", en: "Filing (no funds)" },
  joint: { zh: "联合资助", en: "Joint funding" },
  fundPush: { zh: "基金推送", en: "Fund push" },
  unspecified: { zh: "文件未规定", en: "Not specified" },
};

export const selectionModeNames: Names<SelectionMode> = {
  filing: { zh: "备案", en: "Filing" },
  competitive: { zh: "竞争性评审", en: "Competitive review" },
  directedSelection: { zh: "定向择优", en: "Directed selection" },
  directedCommission: { zh: "定向委托", en: "Directed commission" },
  openChallenge: { zh: "揭榜挂帅", en: "Open challenge" },
  horseRace: { zh: "赛马制", en: "Horse race" },
  jointCommittee: { zh: "联合委员会", en: "Joint committee" },
  fundPush: { zh: "基金推送", en: "Fund push" },
};

export const budgetGroupNames: Names<BudgetGroup> = {
  equipment: { zh: "设备费", en: "Equipment" },
  business: { zh: "业务费", en: "Business" },
  labour: { zh: "劳务费", en: "Labour" },
  indirect: { zh: "间接费用", en: "Indirect cost" },
};

export const gradeNames: Names<PerformanceGrade> = {
  excellent: { zh: "优", en: "Excellent" },
  good: { zh: "良", en: "Good" },
  pass: { zh: "合格", en: "Pass" },
  fail: { zh: "不合格", en: "Fail" },
};

export const approverNames: Names<Approver> = {
  bureau: { zh: "市科技局审批", en: "Approved by the S&T bureau" },
  unit: { zh: "承担单位审批", en: "Approved by the unit" },
  principalInvestigator: { zh: "项目负责人自主调剂", en: "Decided by the PI" },
};

export function nameOf(names: Names<string>, code: string | undefined, lang: "zh" | "en"): string {
  if (!code) return "—";
  const n = names[code];
  return n ? n[lang] : code;
}

/** Basis points to a percent string: 3000 → "30%", 1250 → "12.5%". */
export function percent(bp: number | undefined): string {
  return typeof bp === "number" ? `${bp / 100}%` : "—";
}
