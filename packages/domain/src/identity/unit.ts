/** Kinds of applicant unit (项目承担单位, LY-FUNDS §3): legal persons registered in the city. */
export const unitKinds = [
  "enterprise",
  "university",
  "institute",
  "hospital",
  "newRdInstitution",
  "other",
] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindNames: Record<UnitKind, { zh: string; en: string }> = {
  enterprise: { zh: "企业", en: "Enterprise" },
  university: { zh: "高校", en: "University" },
  institute: { zh: "科研院所", en: "Research institute" },
  hospital: { zh: "医疗卫生机构", en: "Hospital" },
  newRdInstitution: { zh: "新型研发机构", en: "New R&D institution" },
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
