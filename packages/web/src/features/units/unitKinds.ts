import type { UnitKind } from "../../api/types";

export const unitKindNames: Record<UnitKind, { zh: string; en: string }> = {
  enterprise: { zh: "企业", en: "Enterprise" },
  university: { zh: "高校", en: "University" },
  institute: { zh: "科研院所", en: "Research institute" },
  hospital: { zh: "医疗卫生机构", en: "Hospital / health institution" },
  newRdInstitution: { zh: "新型研发机构", en: "New-type R&D institution" },
  other: { zh: "其他", en: "Other" },
};
