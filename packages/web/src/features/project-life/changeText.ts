import { type Approver, type ChangeKind, deciderRole, formatYuan, type Role } from "@luoshu/domain";
import type { ProjectDetail } from "../../api/execution";
import type { Change } from "../../api/projectLife";
import { pickLang, useLocale } from "../../app/locale";
import { useCurrentUser } from "../auth/session";
import { usePolicy } from "../policies/hooks";

type Translate = (zh: string, en: string) => string;
export type BudgetLine = ProjectDetail["life"]["currentBudget"][number];
export type DeciderRule = ProjectDetail["life"]["rules"]["changeDeciders"]["extension"];
type Value = Change["before"];

/** Fen as the text a 元 input takes: 1500000 → "15000", 1234 → "12.34" (integer arithmetic only). */
export function yuanInputText(fen: number): string {
  const cents = fen % 100;
  const whole = (fen - cents) / 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, "0")}`;
}

/**
 * The city policy's budget categories (the project's policy version), and a category's name: the
 * policy's in the reader's language, else the task book's, else the code.
 */
export function useBudgetCategories(p: ProjectDetail) {
  const me = useCurrentUser();
  const { lang } = useLocale();
  const policy = usePolicy(me.city?.code, p.policyVersion);
  const categories = policy.data?.budget.categories;
  const fromTaskBook = new Map(
    (p.taskBook?.content.budgetLines ?? []).map((l) => [l.category, l.categoryName]),
  );
  const name = (code: string) => {
    const c = categories?.find((x) => x.code === code);
    return c ? pickLang(lang, c.nameZh, c.nameEn) || code : (fromTaskBook.get(code) ?? code);
  };
  const isEquipment = (code: string) =>
    (categories?.find((x) => x.code === code)?.group ?? (code === "equipment" ? "equipment" : "")) ===
    "equipment";
  return { categories, name, isEquipment, error: policy.error };
}

/** The categories whose amount an adjustment changes, with the amounts before and after, in order. */
export function budgetDiff(before: readonly BudgetLine[], after: readonly BudgetLine[]) {
  const sum = (lines: readonly BudgetLine[]) => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l.category, (m.get(l.category) ?? 0) + l.amountFen);
    return m;
  };
  const [b, a] = [sum(before), sum(after)];
  return [...new Set([...b.keys(), ...a.keys()])]
    .map((category) => ({ category, beforeFen: b.get(category) ?? 0, afterFen: a.get(category) ?? 0 }))
    .filter((d) => d.beforeFen !== d.afterFen);
}

export const totalFen = (lines: readonly { amountFen: number }[]) =>
  lines.reduce((s, l) => s + l.amountFen, 0);

/**
 * Who decides a change by the city's rules (`rules.changeDeciders`), as the server works it out: a
 * budget adjustment under the equipment rule when it moves the equipment line, under the other rule
 * otherwise, and the unit's own for a project in the lump-sum pilot (LY-FUNDS §13(一)). Null for an
 * adjustment that moves nothing yet.
 */
export function deciderFor(
  p: ProjectDetail,
  kind: ChangeKind,
  lines: readonly BudgetLine[] | undefined,
  isEquipment: (code: string) => boolean,
): DeciderRule | null {
  const rules = p.life.rules.changeDeciders;
  if (kind !== "budgetAdjustment") return rules[kind];
  const moved = budgetDiff(p.life.currentBudget, lines ?? []);
  if (moved.length === 0) return null;
  const pilot = p.taskBook?.content.lumpSumPilot;
  if (pilot) return { decider: "unit", source: pilot.source };
  return moved.some((m) => isEquipment(m.category)) ? rules.budgetEquipment : rules.budgetOther;
}

/** Whether the caller's roles take the step: the unit applies for the bureau's changes, the decider records its own. */
export const mayAct = (roles: readonly Role[], decider: Approver) =>
  roles.includes(decider === "bureau" ? "unitAdmin" : deciderRole[decider]);

/** Whether the caller's roles take some step of a kind of change on this project. */
export function kindOpen(p: ProjectDetail, roles: readonly Role[], kind: ChangeKind): boolean {
  const rules = p.life.rules.changeDeciders;
  if (kind !== "budgetAdjustment") return mayAct(roles, rules[kind].decider);
  const deciders: Approver[] = [rules.budgetEquipment.decider, rules.budgetOther.decider];
  if (p.taskBook?.content.lumpSumPilot) deciders.push("unit");
  return deciders.some((d) => mayAct(roles, d));
}

/** Who takes the step, for a change the caller may not: "由项目承担单位提出申请" … */
export function whoActs(decider: Approver, t: Translate): string {
  if (decider === "bureau") return t("由项目承担单位提出申请", "the unit applies");
  if (decider === "unit") return t("由项目承担单位决定", "the unit decides");
  return t("由项目负责人本人决定", "the PI decides");
}

/** What follows the step: the bureau's approval, or in effect at once. */
export function effectText(decider: Approver, t: Translate): string {
  return decider === "bureau"
    ? t(
        "提交后由市科技局审批，批准后方生效；审批期间不能再提出同类变更",
        "The bureau decides; it takes effect once approved, and no other change of its kind can be asked meanwhile",
      )
    : t(
        "自主决定，提交即生效并备案，无须市科技局审批",
        "Decided here: in effect at once and recorded, with no approval by the bureau",
      );
}

/** A change's value before or after, in words. */
export function valueText(v: Value, name: (code: string) => string, t: Translate): string {
  if ("legalPersonName" in v) return v.legalPersonName || "—";
  if ("piName" in v) return v.piName ?? "—";
  if ("endDate" in v) return v.endDate ?? t("未定", "not set");
  return v.lines.map((l) => `${name(l.category)} ${formatYuan(l.amountFen)}`).join(t("；", "; "));
}

/** "A → B"; for a budget adjustment each line it moves: "差旅费 ¥10,000.00 → ¥11,000.00". */
export function changeSummary(
  c: Pick<Change, "before" | "after">,
  name: (code: string) => string,
  t: Translate,
): string[] {
  if ("lines" in c.before && "lines" in c.after) {
    return budgetDiff(c.before.lines, c.after.lines).map(
      (d) => `${name(d.category)} ${formatYuan(d.beforeFen)} → ${formatYuan(d.afterFen)}`,
    );
  }
  const text = `${valueText(c.before, name, t)} → ${valueText(c.after, name, t)}`;
  return ["endDate" in c.after ? t(`结束日期 ${text}`, `End date ${text}`) : text];
}
