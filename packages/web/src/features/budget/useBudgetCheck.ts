import type { CityCode } from "@luoshu/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type BudgetCheckRequest, checkBudget } from "../../api/budget";
import { type Parsed, parseYuan } from "./parseYuan";

type BudgetLine = BudgetCheckRequest["lines"][number];

import { useDebounced } from "./useDebounced";

export interface LineText {
  amount: string;
  purchase: string;
  note: string;
}

export type LinesText = Record<string, LineText>;

export interface BudgetInputs {
  city: CityCode;
  program?: string;
  theoretical: boolean;
  lines: LinesText;
}

/** Field key → parse error, e.g. `equipment.purchase`. */
export type FieldErrors = Record<string, Extract<Parsed, { ok: false }>>;

function toRequest(inputs: BudgetInputs): { request: BudgetCheckRequest | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const lines: BudgetLine[] = [];
  for (const [category, text] of Object.entries(inputs.lines)) {
    const amount = parseYuan(text.amount);
    const purchase = parseYuan(text.purchase);
    if (!amount.ok) errors[`${category}.amount`] = amount;
    if (!purchase.ok) errors[`${category}.purchase`] = purchase;
    if (!amount.ok || !purchase.ok || amount.fen === undefined) continue;
    const line: BudgetLine = { category, amountFen: amount.fen };
    if (purchase.fen !== undefined) line.purchaseFen = purchase.fen;
    if (text.note.trim()) line.note = text.note.trim();
    lines.push(line);
  }
  const valid = Object.keys(errors).length === 0 && lines.length > 0;
  return {
    request: valid
      ? { city: inputs.city, program: inputs.program, theoretical: inputs.theoretical, lines }
      : null,
    errors,
  };
}

/**
 * Checks the budget as the user types. Requests wait for a 300 ms pause, and while a line does not
 * parse nothing is sent: the last valid result stays on screen next to the field's own message.
 */
export function useBudgetCheck(inputs: BudgetInputs) {
  const { request, errors } = useMemo(() => toRequest(inputs), [inputs]);
  const debounced = useDebounced(request, 300);
  const query = useQuery({
    queryKey: ["budgetCheck", debounced],
    queryFn: ({ signal }) => checkBudget(debounced as BudgetCheckRequest, signal),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const settled = JSON.stringify(request) === JSON.stringify(debounced);
  return { query, errors, hasLines: request !== null || Object.keys(errors).length > 0, pending: !settled };
}
