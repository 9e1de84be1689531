import type { z } from "zod";
import { chinaDateOf } from "../shared/dates.ts";
import { DomainError } from "../shared/errors.ts";
import { disbursementRuleOf, type Policy, policySchema, type Source, unpaidModes } from "./policy.schema.ts";

/**
 * Parsing and cross-checking of policy files. Pure: the caller reads the files and hands over their
 * text, so the same checks run at server start, in tests and in a CI lint of policies/.
 */

export interface PolicyIssue {
  /** Field path such as `programs[2].yearlyCap.count`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** A policy file that cannot be used; the message has one line per issue, each naming file and field. */
export class PolicyFileError extends Error {
  readonly fileName: string;
  readonly issues: readonly PolicyIssue[];

  constructor(fileName: string, issues: readonly PolicyIssue[]) {
    super(issues.map((i) => `${fileName}: ${i.path || "(file)"}: ${i.message}`).join("\n"));
    this.name = "PolicyFileError";
    this.fileName = fileName;
    this.issues = issues;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function issuesOf(error: z.ZodError): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...issue.path, key]), message: "unknown field (not allowed here)" });
      }
      continue;
    }
    // "received undefined" is zod's way of saying the field is missing; say so plainly.
    const missing = /^Invalid input: expected (.+), received undefined$/.exec(issue.message);
    const message = missing ? `missing (expected ${missing[1]})` : issue.message;
    out.push({ path: formatPath(issue.path), message });
  }
  return out;
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** Rules the schema cannot express because they relate one field to another. */
function crossFieldIssues(p: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  for (const code of duplicates(p.documents.map((d) => d.code)))
    add("documents", `duplicate document code ${code}`);
  for (const code of duplicates(p.programs.map((x) => x.code)))
    add("programs", `duplicate program code ${code}`);
  for (const code of duplicates(p.programs.map((x) => x.numberCode)))
    add("programs", `duplicate number code ${code}: two programs would share application numbers`);
  const categoryCodes = p.budget.categories.map((c) => c.code);
  for (const code of duplicates(categoryCodes)) add("budget.categories", `duplicate category code ${code}`);
  p.programs.forEach((program, i) => {
    for (const code of duplicates((program.subKinds ?? []).map((s) => s.code))) {
      add(`programs[${i}].subKinds`, `duplicate sub-kind code ${code}`);
    }
    for (const code of duplicates((program.fields?.items ?? []).map((f) => f.code))) {
      add(`programs[${i}].fields.items`, `duplicate field code ${code}`);
    }
    // A cap is "in principle" exactly when its clause says 原则上: the data cannot soften a hard cap.
    for (const key of ["yearlyCap", "perProjectCapFen"] as const) {
      const cap = program[key];
      if (cap?.inPrinciple && !(cap.source.kind === "clause" && cap.source.textZh.includes("原则上"))) {
        add(`programs[${i}].${key}.inPrinciple`, "only a clause that says 原则上 makes a cap in principle");
      }
    }
  });
  if (p.effectiveUntil.date <= p.effectiveFrom) {
    add("effectiveUntil.date", `the version must end after it starts (${p.effectiveFrom})`);
  }

  p.budget.categories.forEach((c, i) => {
    if ((c.code === "indirect") !== (c.group === "indirect")) {
      add(`budget.categories[${i}].group`, `category ${c.code} cannot be in group ${c.group}`);
    }
  });
  for (const required of ["equipment", "indirect"] as const) {
    if (!categoryCodes.includes(required)) add("budget.categories", `category ${required} is required`);
  }

  if (p.indirectCost.kind === "tiers") {
    const tiers = p.indirectCost.tiers;
    tiers.forEach((tier, i) => {
      const path = `indirectCost.tiers[${i}].upToFen`;
      const last = i === tiers.length - 1;
      if (last && tier.upToFen !== null) add(path, "the last tier must be open-ended (null)");
      if (!last && tier.upToFen === null) add(path, "only the last tier may be open-ended (null)");
      const prev = i > 0 ? tiers[i - 1]?.upToFen : 0;
      if (tier.upToFen !== null && typeof prev === "number" && tier.upToFen <= prev) {
        add(path, `tier limits must ascend: ${tier.upToFen} does not exceed ${prev}`);
      }
    });
  }

  if (p.postSubsidy.kind === "byGrade") {
    const listed = p.postSubsidy.programs;
    listed.forEach((code, i) => {
      const program = p.programs.find((x) => x.code === code);
      if (!program) add(`postSubsidy.programs[${i}]`, `unknown program ${code}`);
      else if (program.fundingMode !== "postSubsidy") {
        add(
          `postSubsidy.programs[${i}]`,
          `program ${code} has funding mode ${program.fundingMode}, not postSubsidy`,
        );
      }
    });
    p.programs.forEach((x, i) => {
      if (x.fundingMode === "postSubsidy" && !listed.includes(x.code)) {
        add(
          `programs[${i}].fundingMode`,
          `post-subsidy program ${x.code} is missing from postSubsidy.programs`,
        );
      }
    });
    const g = p.postSubsidy.grades;
    const order = [g.excellent, g.good, g.pass, g.fail];
    const names = ["excellent", "good", "pass", "fail"];
    for (let i = 1; i < order.length; i++) {
      const [hi, lo] = [order[i - 1], order[i]];
      if (hi && lo && (lo.ratioBp > hi.ratioBp || lo.capFen > hi.capFen)) {
        add(`postSubsidy.grades.${names[i]}`, `a lower grade may not pay more than ${names[i - 1]}`);
      }
    }
  } else {
    p.programs.forEach((x, i) => {
      if (x.fundingMode === "postSubsidy") add(`programs[${i}].fundingMode`, "postSubsidy is of kind none");
    });
  }

  const subsidyUse = p.tracking.subsidyUse;
  if (subsidyUse) {
    if (p.postSubsidy.kind === "none")
      add("tracking.subsidyUse", "the city pays no post-subsidy whose use could be reported");
    for (const code of duplicates(subsidyUse.purposes.map((x) => x.code)))
      add("tracking.subsidyUse.purposes", `duplicate purpose code ${code}`);
    subsidyUse.purposes.forEach((x, i) => {
      if (x.forbidden && x.source.kind !== "clause")
        add(
          `tracking.subsidyUse.purposes[${i}].source`,
          "a forbidden purpose cites the clause that forbids it",
        );
    });
    if (!subsidyUse.purposes.some((x) => !x.forbidden))
      add("tracking.subsidyUse.purposes", "no purpose is allowed");
  } else if (p.postSubsidy.kind === "byGrade") {
    add("tracking.subsidyUse", "a city paying post-subsidies lists what they may be used for");
  }

  const programCodes = new Set(p.programs.map((x) => x.code));
  const organised = p.expertReview.organisers.flatMap((o, i) =>
    o.programs.map((code, j) => ({ code, i, j })),
  );
  for (const { code, i, j } of organised) {
    if (!programCodes.has(code))
      add(`expertReview.organisers[${i}].programs[${j}]`, `unknown program ${code}`);
  }
  for (const code of duplicates(organised.map((o) => o.code))) {
    add("expertReview.organisers", `program ${code} has more than one organiser`);
  }

  const stepPrograms = [
    ["decision.cityGovernmentApproval", p.decision.cityGovernmentApproval?.programs],
    ["decision.youthShare", p.decision.youthShare?.programs],
  ] as const;
  for (const [path, codes] of stepPrograms) {
    codes?.forEach((code, i) => {
      if (!programCodes.has(code)) add(`${path}.programs[${i}]`, `unknown program ${code}`);
    });
  }

  const commissions = p.programs.filter((x) => x.selectionModes.some((m) => m.mode === "directedCommission"));
  if (p.decision.directedCommission && !p.decision.publicNotice) {
    add(
      "decision.publicNotice",
      "a directed commission's reasons are published for the notice period, which is missing",
    );
  }
  if (commissions.length > 0 && !p.decision.directedCommission) {
    add(
      "decision.directedCommission",
      `programs ${commissions.map((x) => x.code).join(", ")} allow directed commission, whose reasons are missing`,
    );
  }

  p.disbursement.forEach((rule, i) => {
    const path = `disbursement[${i}]`;
    if (!rule.programs && !rule.fundingModes) add(path, "names neither programs nor funding modes");
    rule.programs?.forEach((code, j) => {
      if (!programCodes.has(code)) add(`${path}.programs[${j}]`, `unknown program ${code}`);
    });
    const total = rule.nodes.reduce((s, n) => s + n.percent.value, 0);
    if (total !== 100) add(`${path}.nodes`, `the nodes' shares add up to ${total} %, not 100 %`);
  });
  // the money of a program that pays must have its nodes; a program that pays nothing has none
  for (const program of p.programs) {
    const paid = !unpaidModes.includes(program.fundingMode);
    const rule = disbursementRuleOf(p, program.code);
    if (paid && !rule)
      add("disbursement", `program ${program.code} (${program.fundingMode}) has no payment nodes`);
    if (!paid && rule)
      add("disbursement", `program ${program.code} (${program.fundingMode}) pays nothing, yet has nodes`);
  }

  const joint = p.decision.jointResearch;
  const jointProgram = p.programs.find((x) => x.code === joint?.program);
  if (joint && !jointProgram?.selectionModes.some((m) => m.mode === "jointCommittee")) {
    add("decision.jointResearch.program", `program ${joint.program} has no jointCommittee selection mode`);
  }

  const docs = new Set(p.documents.map((d) => d.code));
  visitSources(p, "", (source, path) => {
    if (source.kind === "clause" && !docs.has(source.doc)) {
      add(`${path}.doc`, `document ${source.doc} is not in the documents list`);
    }
  });
  return issues;
}

function visitSources(node: unknown, path: string, visit: (s: Source, path: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      visitSources(item, `${path}[${i}]`, visit);
    });
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (record.kind === "clause" && "textZh" in record) visit(record as Source, path);
    for (const [key, value] of Object.entries(record)) {
      visitSources(value, path ? `${path}.${key}` : key, visit);
    }
  }
}

/** Validates one parsed JSON document; throws PolicyFileError listing every problem at once. */
export function parsePolicy(fileName: string, json: unknown): Policy {
  const result = policySchema.safeParse(json);
  if (!result.success) throw new PolicyFileError(fileName, issuesOf(result.error));
  const issues = crossFieldIssues(result.data);
  if (issues.length > 0) throw new PolicyFileError(fileName, issues);
  return result.data;
}

export function policyId(p: Pick<Policy, "city" | "version">): string {
  return `${p.city}-${p.version}`;
}

/** Parses every file and checks that no city/version pair appears twice. */
export function loadPolicyFiles(files: readonly { fileName: string; text: string }[]): Policy[] {
  const seen = new Map<string, string>();
  return files.map(({ fileName, text }) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new PolicyFileError(fileName, [{ path: "", message: `not valid JSON: ${(e as Error).message}` }]);
    }
    const policy = parsePolicy(fileName, json);
    const id = policyId(policy);
    const other = seen.get(id);
    if (other !== undefined) {
      throw new PolicyFileError(fileName, [
        { path: "version", message: `${id} is already defined in ${other}` },
      ]);
    }
    seen.set(id, fileName);
    return policy;
  });
}

/**
 * The version of a city's policy in force at `at`: the latest effectiveFrom on or before that day
 * (days counted in China time, so a policy effective 2025-04-23 applies from 00:00 Beijing time),
 * among those whose period of validity (effectiveUntil) has not ended. Undefined when none is.
 */
export function selectPolicy(policies: readonly Policy[], city: string, at: Date): Policy | undefined {
  const day = chinaDateOf(at);
  let best: Policy | undefined;
  for (const p of policies) {
    if (p.city !== city || p.effectiveFrom > day || p.effectiveUntil.date < day) continue;
    if (
      !best ||
      p.effectiveFrom > best.effectiveFrom ||
      (p.effectiveFrom === best.effectiveFrom && p.version > best.version)
    ) {
      best = p;
    }
  }
  return best;
}

/** The cities the loaded policy files cover: nothing else in the code names a city. */
export interface PolicyCity {
  code: string;
  nameZh: string;
  nameEn: string;
  divisionCode: string;
}

export function citiesOf(policies: readonly Policy[]): PolicyCity[] {
  const byCode = new Map<string, PolicyCity>();
  for (const p of policies) {
    byCode.set(p.city, {
      code: p.city,
      nameZh: p.cityNameZh,
      nameEn: p.cityNameEn,
      divisionCode: p.divisionCode,
    });
  }
  return [...byCode.values()];
}

/** A city code from outside (a form, a URL) that no policy file covers is refused as input. */
export function assertKnownCity(policies: readonly Policy[], city: string, path = "city"): void {
  if (!policies.some((p) => p.city === city)) {
    throw new DomainError({
      code: "VALIDATION",
      messageZh: `没有城市“${city}”的政策文件。`,
      messageEn: `No policy file covers the city "${city}".`,
      path,
    });
  }
}
