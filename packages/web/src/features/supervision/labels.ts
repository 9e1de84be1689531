import type { InspectionKind, InspectionResult, SanctionAuthority } from "@luoshu/domain";

type Names<K extends string> = Record<K, { zh: string; en: string }>;

/** 随机抽查, 审计, 财政检查: every kind counts towards "at most once per project per cycle". */
export const inspectionKindNames: Names<InspectionKind> = {
  spotCheck: { zh: "随机抽查", en: "Spot check" },
  audit: { zh: "审计", en: "Audit" },
  financeCheck: { zh: "财政检查", en: "Finance check" },
};

export const inspectionResultNames: Names<InspectionResult> = {
  noIssues: { zh: "未发现问题", en: "No issues found" },
  issuesFound: { zh: "发现问题", en: "Issues found" },
};

export const inspectionResultColors: Record<InspectionResult, string> = {
  noIssues: "green",
  issuesFound: "red",
};

/** The department that inspects and records the result. */
export const departmentNames: Names<SanctionAuthority> = {
  scienceBureau: { zh: "市科技局", en: "S&T bureau" },
  financeBureau: { zh: "市财政局", en: "Finance bureau" },
};

/** The kinds a user may record, by the department the role speaks for (the server checks the same). */
export function recordableKinds(roles: readonly string[]): ("audit" | "financeCheck")[] {
  return [
    ...(roles.includes("programOfficer") ? (["audit"] as const) : []),
    ...(roles.includes("financeOfficer") ? (["financeCheck"] as const) : []),
  ];
}
