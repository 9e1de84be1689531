import { type ApplicationInput, applicationInputSchema, makeResidentId } from "@luoshu/domain";

/**
 * The largest draft the content schema accepts, read from the schema's own limits: every text at
 * its maximum length and every list at its maximum count, so the sample grows when a limit does.
 * Documents rendered from it are the worst an applicant can ask the server for.
 */

/** Just the parts of a zod 4 schema's definition that carry its limits. */
interface SchemaNode {
  _zod: {
    def: {
      type: string;
      innerType?: SchemaNode;
      shape?: Record<string, SchemaNode>;
      element?: SchemaNode;
      entries?: Record<string, string>;
      checks?: { _zod: { def: { check: string; maximum?: number } } }[];
    };
  };
  maxLength?: number | null;
}

const prose =
  "本项目围绕高端装备关键基础件的可靠性问题，研究材料组织演变规律与服役性能的定量关系，建立多尺度仿真与试验验证相结合的设计方法，形成可推广的工艺规范和标准体系，支撑产业集群向高端化、智能化、绿色化发展。";

/** `length` characters of Chinese prose, in paragraphs of about 300 characters as an applicant writes. */
function text(length: number, seed: number): string {
  const body = Array.from({ length }, (_, i) => prose[(i + seed * 7) % prose.length]);
  for (let i = 300; i < length; i += 300) body[i] = "\n";
  return body.join("");
}

function maxItems(node: SchemaNode): number {
  const check = node._zod.def.checks?.find((c) => c._zod.def.check === "max_length");
  if (check?._zod.def.maximum === undefined) throw new Error("a list without a maximum length");
  return check._zod.def.maximum;
}

/** Every text at its maximum length, every list at its maximum count; other values plain and valid. */
function fill(node: SchemaNode, seed: number): unknown {
  const def = node._zod.def;
  switch (def.type) {
    case "default":
    case "prefault":
    case "optional":
    case "nullable":
      return fill(def.innerType as SchemaNode, seed);
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([key, child], i) => [key, fill(child, seed + i)]),
      );
    case "array":
      return Array.from({ length: maxItems(node) }, (_, i) => fill(def.element as SchemaNode, seed + i));
    case "string":
      return text(node.maxLength ?? 100, seed);
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "number":
      return 1;
    case "boolean":
      return false;
    case "union":
      return "2026-06-30"; // the only unions in the content are dates ("" or a day)
    default:
      throw new Error(`maximalDraft: no filler for a schema of type ${def.type}`);
  }
}

export function maximalDraft(): ApplicationInput {
  const draft = fill(applicationInputSchema as unknown as SchemaNode, 0) as ApplicationInput;
  // The few fields that must be well-formed rather than long for the draft to be a real one.
  draft.basic = { ...draft.basic, startDate: "2026-04-01", endDate: "2028-03-31" };
  draft.team = (draft.team ?? []).map((m, i) => ({
    ...m,
    role: i === 0 ? "pi" : "member",
    workMonths: 6,
    idNumber: makeResidentId(`410305198${String(i % 10)}0312${String(100 + i).slice(-3)}`),
  }));
  draft.budget = {
    ...draft.budget,
    lines: (draft.budget?.lines ?? []).map((l, i) => ({
      ...l,
      category: "materials",
      amountFen: 100_000 + i,
    })),
  };
  draft.funding = { selfRaisedFen: 500_000, coFundingFen: 0 };
  return draft;
}
