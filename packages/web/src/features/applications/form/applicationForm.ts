import type { ApplicationContent } from "@luoshu/domain";
import type { ApplicationContentView, ApplicationInput, MemberView } from "../../../api/applications";
import { parseYuan } from "../../budget/parseYuan";
import type { LinesText } from "../../budget/useBudgetCheck";

/** A team row: what the server shows, plus the number typed now (only sent when typed). */
export type MemberRow = Partial<MemberView> & {
  name: string;
  role: "pi" | "member";
  title: string;
  unitName: string;
  workMonths: number;
  idNumber?: string;
  /** A row before it was removed: the server keeps numbers by position, so this one must be typed again. */
};

/** The application form's values: amounts as typed 元 text, budget lines keyed by category. */
export interface ApplicationFormValues {
  basic: ApplicationContent["basic"];
  content: ApplicationContent["content"];
  targets: ApplicationContent["targets"];
  milestones: ApplicationContent["milestones"];
  team: MemberRow[];
  partners: ApplicationContent["partners"];
  budget: { theoretical: boolean; lines: LinesText };
  funding: { selfRaised: string; coFunding: string };
}

const yuanText = (fen: number | undefined) =>
  fen === undefined ? "" : (fen / 100).toFixed(2).replace(/\.00$/, "");

export function fromContent(c: ApplicationContentView): ApplicationFormValues {
  const lines: LinesText = {};
  for (const l of c.budget.lines) {
    lines[l.category] = {
      amount: yuanText(l.amountFen),
      purchase: yuanText(l.purchaseFen),
      note: l.note ?? "",
    };
  }
  return {
    basic: c.basic,
    content: c.content,
    targets: c.targets,
    milestones: c.milestones,
    team: c.team.map((m) => ({ ...m, idNumber: "" })),
    partners: c.partners,
    budget: { theoretical: c.budget.theoretical, lines },
    funding: { selfRaised: yuanText(c.funding.selfRaisedFen), coFunding: yuanText(c.funding.coFundingFen) },
  };
}

export type BudgetParse = { lines: ApplicationContent["budget"]["lines"]; bad: string[] };

/** Lines with an amount become budget lines; amounts that do not parse are named so the save can stop. */
export function budgetLinesOf(lines: LinesText | undefined): BudgetParse {
  const out: BudgetParse = { lines: [], bad: [] };
  for (const [category, text] of Object.entries(lines ?? {})) {
    const amount = parseYuan(text.amount ?? "");
    const purchase = parseYuan(text.purchase ?? "");
    if (!amount.ok || !purchase.ok) {
      out.bad.push(category);
      continue;
    }
    if (amount.fen === undefined) continue;
    out.lines.push({
      category,
      amountFen: amount.fen,
      ...(purchase.fen !== undefined ? { purchaseFen: purchase.fen } : {}),
      ...(text.note?.trim() ? { note: text.note.trim() } : {}),
    });
  }
  return out;
}

const fenOr0 = (text: string | undefined) => {
  const p = parseYuan(text ?? "");
  return p.ok ? (p.fen ?? 0) : 0;
};

export function toInput(v: ApplicationFormValues): ApplicationInput {
  return {
    basic: v.basic,
    content: v.content,
    targets: (v.targets ?? []).map((x) => ({ ...x, value: Number(x.value) || 0 })),
    milestones: v.milestones ?? [],
    team: (v.team ?? []).map((m) => ({
      name: m.name ?? "",
      role: m.role ?? "member",
      title: m.title ?? "",
      unitName: m.unitName ?? "",
      workMonths: Number(m.workMonths) || 0,
      // Without a typed number the stored one is kept: the server finds it by the mask echoed here.
      ...(m.idNumber?.trim()
        ? { idNumber: m.idNumber.trim() }
        : m.idNumberMasked
          ? { idNumberMasked: m.idNumberMasked }
          : {}),
    })),
    partners: v.partners ?? [],
    budget: { theoretical: Boolean(v.budget?.theoretical), lines: budgetLinesOf(v.budget?.lines).lines },
    funding: { selfRaisedFen: fenOr0(v.funding?.selfRaised), coFundingFen: fenOr0(v.funding?.coFunding) },
  };
}

/**
 * After an autosave, what the server learnt of each member's ID number (masked, valid, age, youth)
 * for the rows still holding what was sent, as form field updates; the typed number then reads as
 * stored, as after a manual save. Rows edited, added or removed meanwhile are left as typed.
 */
export function memberFactsAfterSave(
  sent: readonly MemberRow[],
  current: readonly MemberRow[],
  saved: readonly MemberView[],
): { name: ["team", number, keyof MemberRow]; value: unknown }[] {
  if (sent.length !== current.length || saved.length !== current.length) return [];
  return current.flatMap((row, i) => {
    const before = sent[i];
    const view = saved[i];
    if (!before || !view || row.idNumber !== before.idNumber || row.name !== before.name) return [];
    const facts: Partial<MemberRow> = {
      idNumberMasked: view.idNumberMasked,
      idNumberValid: view.idNumberValid,
      birthDate: view.birthDate,
      age: view.age,
      youth: view.youth,
      idNumber: "",
    };
    return (Object.keys(facts) as (keyof MemberRow)[]).map((key) => ({
      name: ["team", i, key] as ["team", number, keyof MemberRow],
      value: facts[key],
    }));
  });
}
