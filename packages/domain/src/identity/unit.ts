import type { Violation } from "../shared/errors.ts";
/** Kinds of applicant unit (项目承担单位, LY-FUNDS §3): legal persons registered in the city. */
export const unitKinds = [
  "enterprise",
  "university",
  "institute",
  "hospital",
  "newRdInstitution",
  /** A laboratory such as 龙门实验室, which approves and manages joint research with the bureau (LY-REFORM §二(二)). */
  "laboratory",
  "other",
] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindNames: Record<UnitKind, { zh: string; en: string }> = {
  enterprise: { zh: "企业", en: "Enterprise" },
  university: { zh: "高校", en: "University" },
  institute: { zh: "科研院所", en: "Research institute" },
  hospital: { zh: "医疗卫生机构", en: "Hospital" },
  newRdInstitution: { zh: "新型研发机构", en: "New R&D institution" },
  laboratory: { zh: "实验室", en: "Laboratory" },
  other: { zh: "其他", en: "Other" },
};

/** An applicant unit as registered by the bureau or the platform. */
export interface Unit {
  id: string;
  cityId: string;
  uscc: string;
  nameZh: string;
  kind: UnitKind;
  districtCode: string;
  legalRepresentative: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A unit with the name of its district, as lists and forms show it. */
export interface UnitView extends Unit {
  districtNameZh: string | null;
}

export type UnitFields = Pick<Unit, "uscc" | "nameZh" | "kind" | "districtCode" | "legalRepresentative">;

/**
 * A unit's identity as registered: its credit code and its district decide who reviews it, and its
 * kind what it may do (only an enterprise sets joint research questions, only a laboratory's account
 * approves joint research), so only the administrator who registers units (the bureau or the
 * platform) changes them. A unit administrator keeps the rest of its own unit up to date.
 */
export const registrationFields = ["uscc", "districtCode", "kind"] as const;

export function checkUnitChangesByUnitAdmin(
  before: Pick<Unit, (typeof registrationFields)[number]>,
  changes: Partial<UnitFields>,
): Violation | null {
  const changed = registrationFields.find((f) => changes[f] !== undefined && changes[f] !== before[f]);
  if (!changed) return null;
  return {
    code: "FORBIDDEN",
    messageZh: "统一社会信用代码、所属县区和单位类型由登记单位的管理员修改；如有变更，请联系市科技局。",
    messageEn:
      "The credit code, district and kind are changed by the administrator who registers units; ask the bureau.",
    path: changed,
  };
}
