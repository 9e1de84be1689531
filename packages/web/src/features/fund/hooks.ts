import type { BudgetCycleStep } from "@luoshu/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../api/client";
import { fetchProjects } from "../../api/decisions";
import {
  type BudgetCycleInput,
  decideFundPush,
  type FundDecisionInput,
  type FundPushEvent,
  type FundPushInput,
  fetchBudgetCycles,
  fetchFundPushes,
  pushEnterprise,
  recordBudgetStep,
} from "../../api/fundPush";
import { fetchUnits } from "../../api/units";

export const fundPushesKey = ["fundPushes"] as const;
export const budgetCyclesKey = ["budgetCycles"] as const;

/** A city whose documents name no such step answers 422 DECISION_NOT_APPLICABLE: the page says so. */
export const notApplicable = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === "DECISION_NOT_APPLICABLE";

export function useFundPushes(mine: boolean) {
  return useQuery({ queryKey: [...fundPushesKey, { mine }], queryFn: () => fetchFundPushes(mine) });
}

/** The city's enterprises (科技型中小企业) the bureau may push. */
export function useEnterprises(enabled: boolean) {
  return useQuery({
    queryKey: ["units", "enterprises"],
    queryFn: async () =>
      (await fetchUnits({ page: 1, pageSize: 200, kind: "enterprise" })).items.filter(
        (u) => u.kind === "enterprise",
      ),
    enabled,
  });
}

/** The city's projects; the push dialog keeps the chosen enterprise's (the API has no unit filter). */
export function useCityProjects(enabled: boolean) {
  return useQuery({ queryKey: ["projects", "all"], queryFn: () => fetchProjects(), enabled });
}

function useRefreshing<V, D>(fn: (v: V) => Promise<D>, key: readonly string[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export const usePushEnterprise = () => useRefreshing((v: FundPushInput) => pushEnterprise(v), fundPushesKey);
export const useFundDecision = () =>
  useRefreshing(
    (v: { id: string; event: FundPushEvent; body: FundDecisionInput }) =>
      decideFundPush(v.id, v.event, v.body),
    fundPushesKey,
  );

export function useBudgetCycles(mine: boolean) {
  return useQuery({ queryKey: [...budgetCyclesKey, { mine }], queryFn: () => fetchBudgetCycles(mine) });
}

export const useRecordBudgetStep = () =>
  useRefreshing(
    (v: { year: number; step: BudgetCycleStep; body: BudgetCycleInput }) =>
      recordBudgetStep(v.year, v.step, v.body),
    budgetCyclesKey,
  );
