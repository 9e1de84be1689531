import type {
  BudgetCategoryCode,
  BudgetGroup,
  IndirectTier,
  PerformanceGrade,
  Policy,
  Source,
} from "../policy/policy.schema.ts";
import { citationOf, performanceGrades } from "../policy/policy.schema.ts";
import { DomainError, type ErrorCode, type Violation } from "../shared/errors.ts";
import { assertFen, formatYuan } from "../shared/money.ts";

/**
 * Budget checks against a city's policy. Money is integer fen throughout; caps are "not more than"
 * amounts, so they are computed exactly and rounded down to the fen, never up.
 */

export interface BudgetLineInput {
  category: string;
  amountFen: number;
  /** Equipment only: how much of the line is purchase (购置); absent means all of it. */
  purchaseFen?: number;
  note?: string;
}

/**
 * The lines are the budget the checked money pays for (for pre-funding, the fiscal funding asked for),
 * which is why any amount on a filing-only program is a violation.
 */
export interface BudgetInput {
  program?: string;
  /** Pure theoretical basic research (e.g. mathematics): the flat theoretical rate replaces the tiers. */
  theoretical?: boolean;
  lines: BudgetLineInput[];
}

export interface BudgetFinding {
  code: ErrorCode;
  messageZh: string;
  messageEn: string;
  clause?: string;
}

export type BudgetViolation = Violation & { category?: string };

export interface BudgetCheckResult {
  city: Policy["city"];
  policyVersion: string;
  program: string | null;
  directCostFen: number;
  equipmentPurchaseFen: number;
  indirectBaseFen: number;
  indirectCostFen: number;
  /** Null where the policy sets no indirect-cost cap (Datong). */
  indirectCostCapFen: number | null;
  totalFen: number;
  /** Every category of the policy in its order, with the summed amount and informational findings. */
  categories: {
    category: BudgetCategoryCode;
    group: BudgetGroup;
    nameZh: string;
    nameEn: string;
    amountFen: number;
    findings: BudgetFinding[];
  }[];
  violations: BudgetViolation[];
  /**
   * Caps the documents state "in principle" (原则上) that the budget exceeds: shown with their clause,
   * never a refusal; exceeding one is the leader's decision, with a recorded reason.
   */
  warnings: BudgetViolation[];
  /** Distinct clause citations of the rules applied, in the order they were applied. */
  appliedClauses: string[];
}

function validation(path: string, messageZh: string, messageEn: string): DomainError {
  return new DomainError({ code: "VALIDATION", path, messageZh, messageEn });
}

/**
 * The most indirect cost marginal tiers allow on `baseFen`: Σ(part of the base in each tier × rate),
 * summed exactly in BigInt and rounded down once. Rounding each part down separately could lose
 * fen at the tier edges.
 */
export function indirectCostCap(tiers: readonly IndirectTier[], baseFen: number): number {
  assertFen(baseFen, "baseFen");
  let lower = 0;
  let sum = 0n;
  for (const tier of tiers) {
    const upper = tier.upToFen === null ? baseFen : Math.min(baseFen, tier.upToFen);
    if (upper > lower) sum += BigInt(upper - lower) * BigInt(tier.rateBp);
    if (tier.upToFen === null || baseFen <= tier.upToFen) break;
    lower = tier.upToFen;
  }
  return Number(sum / 10_000n);
}

/** floor(amount × rate); exact for every safe amount. */
function applyRate(amountFen: number, rateBp: number): number {
  return Number((BigInt(amountFen) * BigInt(rateBp)) / 10_000n);
}

function percent(rateBp: number): string {
  return `${rateBp / 100}%`;
}

/** What every check shares: the violations found so far and the clauses cited so far. */
interface CheckContext {
  violations: BudgetViolation[];
  warnings: BudgetViolation[];
  cite: (source: Source) => string | undefined;
}

/** Validates the lines and sums them per category; equipment purchase is summed line by line. */
function sumLines(policy: Policy, lines: readonly BudgetLineInput[], ctx: CheckContext) {
  if (!Array.isArray(lines)) throw validation("lines", "预算明细须为数组", "lines must be an array");
  const categoryByCode = new Map(policy.budget.categories.map((c) => [c.code as string, c]));
  const amounts = new Map<string, number>();
  let equipmentPurchaseFen = 0;
  lines.forEach((line, i) => {
    const category = categoryByCode.get(line.category);
    if (!category) {
      const name = String(line.category);
      throw validation(`lines.${i}.category`, `未知的预算科目：${name}`, `Unknown budget category: ${name}`);
    }
    assertFen(line.amountFen, `lines.${i}.amountFen`);
    amounts.set(category.code, (amounts.get(category.code) ?? 0) + line.amountFen);
    if (line.purchaseFen !== undefined) {
      assertFen(line.purchaseFen, `lines.${i}.purchaseFen`);
      if (category.code !== "equipment") {
        throw validation(
          `lines.${i}.purchaseFen`,
          "只有设备费可填写购置金额",
          "purchaseFen applies to equipment only",
        );
      }
    }
    if (category.code === "equipment") {
      const purchase = line.purchaseFen ?? line.amountFen;
      if (purchase > line.amountFen) {
        ctx.violations.push({
          code: "BUDGET_EQUIPMENT_PURCHASE_EXCEEDS_LINE",
          category: "equipment",
          path: `lines.${i}.purchaseFen`,
          messageZh: `设备购置费 ${formatYuan(purchase)} 超过该设备费科目金额 ${formatYuan(line.amountFen)}`,
          messageEn: `Equipment purchase ${formatYuan(purchase)} exceeds the equipment line ${formatYuan(line.amountFen)}`,
        });
      }
      // An inconsistent line counts as all purchase: the larger deduction gives the lower, safe cap.
      equipmentPurchaseFen += Math.min(purchase, line.amountFen);
    }
    const explain = category.rules?.find((r) => r.kind === "explanationRequired");
    if (explain && line.amountFen > 0) {
      const clause = ctx.cite(explain.source);
      if (!line.note?.trim()) {
        ctx.violations.push({
          code: "BUDGET_OTHER_EXPENSES_UNEXPLAINED",
          category: category.code,
          path: `lines.${i}.note`,
          clause,
          messageZh: `${category.nameZh} ${formatYuan(line.amountFen)} 未作说明：${explain.noteZh}`,
          messageEn: `${category.nameEn} of ${formatYuan(line.amountFen)} not explained: ${explain.noteEn}`,
        });
      }
    }
  });
  return { amounts, equipmentPurchaseFen };
}

/** The indirect-cost cap, or null with an informational finding where the policy sets none. */
function checkIndirect(
  policy: Policy,
  amounts: { indirectCostFen: number; indirectBaseFen: number; theoretical: boolean },
  ctx: CheckContext,
): { capFen: number | null; findings: BudgetFinding[] } {
  const rule = policy.indirectCost;
  if (rule.kind === "unspecified") {
    const finding: BudgetFinding = {
      code: "BUDGET_INDIRECT_NO_CAP",
      messageZh: `政策文件未规定间接费用比例上限，不作自动校验：${rule.noteZh}`,
      messageEn: `The policy documents set no indirect-cost cap; nothing is checked automatically: ${rule.noteEn}`,
    };
    return { capFen: null, findings: [finding] };
  }
  const { indirectCostFen, indirectBaseFen, theoretical } = amounts;
  const clause = ctx.cite(rule.source);
  const capFen = theoretical
    ? applyRate(indirectBaseFen, rule.theoreticalRateBp)
    : indirectCostCap(rule.tiers, indirectBaseFen);
  if (indirectCostFen > capFen) {
    const rate = percent(rule.theoreticalRateBp);
    const how = theoretical
      ? { zh: `纯理论基础研究按 ${rate}`, en: `${rate} for pure theoretical research` }
      : { zh: "按分档比例", en: "by the marginal tiers" };
    ctx.violations.push({
      code: "BUDGET_INDIRECT_OVER_CAP",
      category: "indirect",
      clause,
      messageZh: `间接费用 ${formatYuan(indirectCostFen)} 超过上限 ${formatYuan(capFen)}（直接费用扣除设备购置费后 ${formatYuan(indirectBaseFen)}，${how.zh}核定）`,
      messageEn: `Indirect costs ${formatYuan(indirectCostFen)} exceed the cap ${formatYuan(capFen)} (base: direct costs less equipment purchase ${formatYuan(indirectBaseFen)}, ${how.en})`,
    });
  }
  return { capFen, findings: [] };
}

/** Program rules: an unknown program, fiscal money on a filing-only program, the per-project cap. */
function checkProgram(policy: Policy, code: string, totalFen: number, ctx: CheckContext): void {
  const program = policy.programs.find((p) => p.code === code);
  if (!program) {
    ctx.violations.push({
      code: "BUDGET_UNKNOWN_PROGRAM",
      path: "program",
      messageZh: `${policy.cityNameZh}${policy.version}年政策中没有计划类别“${code}”`,
      messageEn: `Program "${code}" does not exist in the ${policy.cityNameEn} ${policy.version} policy`,
    });
    return;
  }
  if (program.fundingMode === "filing") {
    const clause = ctx.cite(program.source);
    if (totalFen > 0) {
      ctx.violations.push({
        code: "BUDGET_NO_FISCAL_FUNDING",
        path: "lines",
        clause,
        messageZh: `${program.nameZh}仅备案立项，无财政资金支持，不能申请经费 ${formatYuan(totalFen)}`,
        messageEn: `${program.nameEn} is approved by filing only, without fiscal funding; ${formatYuan(totalFen)} cannot be requested`,
      });
    }
  }
  const cap = program.perProjectCapFen;
  if (cap) {
    const clause = ctx.cite(cap.source);
    if (totalFen > cap.amountFen) {
      const principle = cap.inPrinciple
        ? {
            zh: "原则上",
            en: " in principle",
            noteZh: "；超出须经局领导决定并记录理由",
            noteEn: "; exceeding it is the leader's decision, with a recorded reason",
          }
        : { zh: "", en: "", noteZh: "", noteEn: "" };
      (cap.inPrinciple ? ctx.warnings : ctx.violations).push({
        code: cap.lumpSum ? "BUDGET_LUMP_SUM_OVER_CAP" : "BUDGET_PROJECT_OVER_CAP",
        path: "lines",
        clause,
        messageZh: `${program.nameZh}单个项目经费${principle.zh}不超过 ${formatYuan(cap.amountFen)}${cap.lumpSum ? "（包干制）" : ""}，申请总额为 ${formatYuan(totalFen)}${principle.noteZh}`,
        messageEn: `A ${program.nameEn} receives at most ${formatYuan(cap.amountFen)}${principle.en}${cap.lumpSum ? " (lump sum)" : ""}; the total asked is ${formatYuan(totalFen)}${principle.noteEn}`,
      });
    }
  }
}

export function checkBudget(policy: Policy, input: BudgetInput): BudgetCheckResult {
  const applied: string[] = [];
  const ctx: CheckContext = {
    violations: [],
    warnings: [],
    cite: (source) => {
      const clause = citationOf(source);
      if (clause && !applied.includes(clause)) applied.push(clause);
      return clause ?? undefined;
    },
  };

  const { amounts, equipmentPurchaseFen } = sumLines(policy, input.lines, ctx);
  const indirectCostFen = amounts.get("indirect") ?? 0;
  let directCostFen = 0;
  for (const [code, amount] of amounts) if (code !== "indirect") directCostFen += amount;
  const totalFen = directCostFen + indirectCostFen;
  if (!Number.isSafeInteger(totalFen)) {
    throw validation(
      "lines",
      "预算总额超出可精确表示的范围",
      "The budget total is too large to hold exactly",
    );
  }
  const indirectBaseFen = directCostFen - equipmentPurchaseFen;

  const theoretical = input.theoretical === true;
  const indirect = checkIndirect(policy, { indirectCostFen, indirectBaseFen, theoretical }, ctx);
  const program = input.program ?? null;
  if (program !== null) checkProgram(policy, program, totalFen, ctx);

  const categories = policy.budget.categories.map((c) => {
    const amountFen = amounts.get(c.code) ?? 0;
    const findings: BudgetFinding[] = c.code === "indirect" ? [...indirect.findings] : [];
    if (amountFen > 0) {
      for (const r of c.rules ?? []) {
        if (r.kind === "explanationRequired") continue; // enforced per line above
        const code = r.kind === "noRatioCap" ? "BUDGET_NO_RATIO_CAP" : "BUDGET_NOT_PAYABLE_TO_PROJECT_STAFF";
        const clause = ctx.cite(r.source);
        findings.push({ code, messageZh: r.noteZh, messageEn: r.noteEn, ...(clause ? { clause } : {}) });
      }
    }
    return { category: c.code, group: c.group, nameZh: c.nameZh, nameEn: c.nameEn, amountFen, findings };
  });

  return {
    city: policy.city,
    policyVersion: policy.version,
    program,
    directCostFen,
    equipmentPurchaseFen,
    indirectBaseFen,
    indirectCostFen,
    indirectCostCapFen: indirect.capFen,
    totalFen,
    categories,
    violations: ctx.violations,
    warnings: ctx.warnings,
    appliedClauses: applied,
  };
}

export interface PostSubsidyResult {
  amountFen: number;
  ratioBp: number;
  capFen: number;
  clause: string | null;
  source: Source;
}

/**
 * Post-subsidy (后补助) for a completed project: min(floor(verified R&D × grade ratio), grade cap),
 * e.g. Luoyang 优 → 50 % of the verified R&D total, at most ¥100,000 (LY-REFORM §三(四)2).
 */
export function computePostSubsidy(
  policy: Policy,
  input: { program: string; grade: PerformanceGrade; verifiedRdFen: number },
): PostSubsidyResult {
  assertFen(input.verifiedRdFen, "verifiedRdFen");
  if (!performanceGrades.includes(input.grade)) {
    throw validation(
      "grade",
      `未知的绩效评价等级：${String(input.grade)}`,
      `Unknown grade: ${String(input.grade)}`,
    );
  }
  const rule = policy.postSubsidy;
  if (rule.kind !== "byGrade" || !rule.programs.includes(input.program)) {
    throw new DomainError({
      code: "POST_SUBSIDY_NOT_APPLICABLE",
      path: "program",
      messageZh: `${policy.cityNameZh}${policy.version}年政策中“${input.program}”不是后补助类计划项目`,
      messageEn: `"${input.program}" is not a post-subsidy program in the ${policy.cityNameEn} ${policy.version} policy`,
    });
  }
  const grade = rule.grades[input.grade];
  const amountFen = Math.min(applyRate(input.verifiedRdFen, grade.ratioBp), grade.capFen);
  return {
    amountFen,
    ratioBp: grade.ratioBp,
    capFen: grade.capFen,
    clause: citationOf(grade.source),
    source: grade.source,
  };
}

/**
 * What a post-subsidy payment node pays: the grade's post-subsidy within the node's amount in the
 * task book; null while the grade or the verified R&D spend is not yet known. The one reckoning
 * behind both the amount shown on the project page and the amount a payment is prepared for.
 */
export function postSubsidyOfNode(
  policy: Policy,
  p: { program: string; grade: PerformanceGrade | null; verifiedRdFen: number | null },
  nodeFen: number,
): PostSubsidyResult | null {
  if (p.grade === null || p.verifiedRdFen === null) return null;
  const subsidy = computePostSubsidy(policy, {
    program: p.program,
    grade: p.grade,
    verifiedRdFen: p.verifiedRdFen,
  });
  return { ...subsidy, amountFen: Math.min(subsidy.amountFen, nodeFen) };
}
