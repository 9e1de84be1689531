import type { GuideContentInput, UnitKind } from "@luoshu/domain";
import { unitKinds } from "@luoshu/domain";
import type { Dayjs } from "dayjs";
import type { Guide } from "../../api/guides";
import { parseYuan } from "../budget/parseYuan";
import { instantOf, pickerValueOf } from "./callTime";

/** The guide form's values: amounts as typed 元 text, call times as Beijing wall-clock pickers. */
export interface GuideFormValues {
  titleZh: string;
  program?: string;
  year: number;
  summaryZh: string;
  directions: { titleZh: string; descriptionZh: string }[];
  unitKinds: UnitKind[];
  districts: string[];
  minCoFunding: string;
  minAmount: string;
  maxAmount: string;
  criteria: { nameZh: string; weight: number }[];
  requiredAttachments: { code?: string; nameZh: string; required: boolean }[];
  formalChecklist: { code?: string; textZh: string }[];
  districtQuota?: number | null;
  districtReview: boolean;
  fields: string[];
  plannedCount?: number | null;
  needIds: string[];
  directedUnits: { uscc: string; nameZh: string }[];
  directedBasis: string;
  calls: { nameZh: string; opensAt?: Dayjs; closesAt?: Dayjs }[];
}

const fen = (text: string | undefined) => {
  const p = parseYuan(text ?? "");
  return p.ok ? (p.fen ?? 0) : 0;
};
const yuanText = (f: number) => (f / 100).toFixed(2).replace(/\.00$/, "");

/** Codes are internal keys; keep the ones a draft has and number the new ones uniquely. */
function withCodes<T extends { code?: string }>(items: T[], prefix: string): (T & { code: string })[] {
  const used = new Set(items.map((i) => i.code).filter(Boolean));
  let n = 0;
  return items.map((item) => {
    if (item.code) return { ...item, code: item.code };
    let code: string;
    do code = `${prefix}${++n}`;
    while (used.has(code));
    used.add(code);
    return { ...item, code };
  });
}

export function toContent(v: GuideFormValues): GuideContentInput {
  return {
    titleZh: v.titleZh,
    program: v.program ?? "",
    year: v.year,
    summaryZh: v.summaryZh ?? "",
    directions: v.directions.map((d) => ({ titleZh: d.titleZh, descriptionZh: d.descriptionZh ?? "" })),
    eligibility: {
      unitKinds: v.unitKinds,
      districts: v.districts ?? [],
      minCoFundingFen: fen(v.minCoFunding),
    },
    amountRange: { minFen: fen(v.minAmount), maxFen: fen(v.maxAmount) },
    criteria: v.criteria.map((c) => ({ nameZh: c.nameZh, weight: Number(c.weight) })),
    requiredAttachments: withCodes(v.requiredAttachments ?? [], "att").map((a) => ({
      code: a.code,
      nameZh: a.nameZh,
      required: Boolean(a.required),
    })),
    formalChecklist: withCodes(v.formalChecklist, "check").map((c) => ({ code: c.code, textZh: c.textZh })),
    ...(v.districtQuota ? { districtQuota: v.districtQuota } : {}),
    districtReview: v.districtReview ?? true,
    fields: v.fields ?? [],
    ...(v.plannedCount ? { plannedCount: v.plannedCount } : {}),
    needIds: v.needIds ?? [],
    directedUnits: v.directedUnits ?? [],
    directedBasis: v.directedBasis?.trim() ?? "",
    calls: v.calls.map((c) => ({
      nameZh: c.nameZh,
      opensAt: c.opensAt ? instantOf(c.opensAt) : "",
      closesAt: c.closesAt ? instantOf(c.closesAt) : "",
    })),
  };
}

export function fromGuide(g: Guide): GuideFormValues {
  const c = g.content;
  return {
    titleZh: c.titleZh,
    program: c.program,
    year: c.year,
    summaryZh: c.summaryZh,
    directions: c.directions,
    unitKinds: c.eligibility.unitKinds,
    districts: c.eligibility.districts,
    minCoFunding: yuanText(c.eligibility.minCoFundingFen),
    minAmount: yuanText(c.amountRange.minFen),
    maxAmount: yuanText(c.amountRange.maxFen),
    criteria: c.criteria,
    requiredAttachments: c.requiredAttachments,
    formalChecklist: c.formalChecklist,
    districtQuota: c.districtQuota ?? null,
    districtReview: c.districtReview,
    fields: c.fields,
    plannedCount: c.plannedCount ?? null,
    needIds: c.needIds,
    directedUnits: c.directedUnits,
    directedBasis: c.directedBasis,
    calls: c.calls.map((x) => ({
      nameZh: x.nameZh,
      opensAt: pickerValueOf(x.opensAt),
      closesAt: pickerValueOf(x.closesAt),
    })),
  };
}

/** A new draft starts from the usual structure, so the officer edits rather than types everything. */
export function newGuideValues(year: number): GuideFormValues {
  return {
    titleZh: "",
    year,
    summaryZh: "",
    directions: [{ titleZh: "", descriptionZh: "" }],
    unitKinds: [...unitKinds],
    districts: [],
    minCoFunding: "0",
    minAmount: "0",
    maxAmount: "",
    criteria: [
      { nameZh: "研究意义与必要性", weight: 30 },
      { nameZh: "研究内容与技术路线", weight: 40 },
      { nameZh: "研究基础与团队", weight: 30 },
    ],
    requiredAttachments: [],
    formalChecklist: [
      { code: "complete", textZh: "申报书各部分填写完整" },
      { code: "commitment", textZh: "承诺书已签字盖章并上传" },
      { code: "eligible", textZh: "申报单位符合指南申报条件" },
    ],
    districtQuota: null,
    districtReview: true,
    fields: [],
    plannedCount: null,
    needIds: [],
    directedUnits: [],
    directedBasis: "",
    calls: [{ nameZh: "第一批" }],
  };
}

const renamed: Record<string, (string | number)[]> = {
  "amountRange.minFen": ["minAmount"],
  "amountRange.maxFen": ["maxAmount"],
  amountRange: ["maxAmount"],
  "eligibility.unitKinds": ["unitKinds"],
  "eligibility.districts": ["districts"],
  "eligibility.minCoFundingFen": ["minCoFunding"],
};

/** A server path (`calls.0.closesAt`, `amountRange.maxFen`) as the form field's name, if there is one. */
export function formNameOf(path: string | undefined): (string | number)[] | undefined {
  if (!path) return undefined;
  if (renamed[path]) return renamed[path];
  const parts = path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const top = parts[0];
  const direct = [
    "titleZh",
    "program",
    "year",
    "summaryZh",
    "districtQuota",
    "districtReview",
    "fields",
    "plannedCount",
    "needIds",
    "directedUnits",
    "directedBasis",
  ];
  const lists = ["directions", "criteria", "requiredAttachments", "formalChecklist", "calls"];
  if (typeof top === "string" && direct.includes(top)) return [top];
  if (typeof top === "string" && lists.includes(top) && parts.length === 3) return parts;
  return undefined;
}
