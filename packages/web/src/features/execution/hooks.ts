import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  assignOfficer,
  confirmTaskBook,
  type DrawTaskBook,
  drawTaskBook,
  fetchLedgerYears,
  fetchPayments,
  fetchProject,
  type Payment,
  type PaymentEvent,
  type PaymentFilter,
  type PreparePaymentInput,
  type ProjectDetail,
  preparePayment,
  runPaymentEvent,
  signTaskBook,
  type TaskBookConfirmation,
} from "../../api/execution";
import { fetchUsers } from "../../api/users";
import { projectsKey } from "../decisions/hooks";

/** Under the projects' key, so whatever refreshes the project list refreshes the project too. */
export const projectKey = (id: string) => [...projectsKey, "detail", id] as const;
export const paymentsKey = ["payments"] as const;
export const ledgerYearsKey = ["ledger", "years"] as const;

export function useProject(id: string) {
  return useQuery({ queryKey: projectKey(id), queryFn: () => fetchProject(id) });
}

export function usePayments(filter: PaymentFilter) {
  return useQuery({ queryKey: [...paymentsKey, filter], queryFn: () => fetchPayments(filter) });
}

/** The ledger's figures by budget year (finance, the bureau, its leaders). */
export function useLedgerYears(enabled: boolean) {
  return useQuery({ queryKey: ledgerYearsKey, queryFn: fetchLedgerYears, enabled });
}

/** The city's active program officers, one of whom follows the project. */
export function useProgramOfficers(enabled: boolean) {
  return useQuery({
    queryKey: ["users", "programOfficers"],
    queryFn: async () =>
      (await fetchUsers({ page: 1, pageSize: 200, role: "programOfficer" })).items.filter(
        (u) => u.status === "active",
      ),
    enabled,
  });
}

/** What a step on a project or a payment changes elsewhere: lists, the ledger's figures, the workspace tiles. */
function refreshAround(qc: QueryClient) {
  qc.invalidateQueries({ queryKey: projectsKey });
  qc.invalidateQueries({ queryKey: paymentsKey });
  qc.invalidateQueries({ queryKey: ledgerYearsKey });
  qc.invalidateQueries({ queryKey: ["workspace"] });
}

/** Every task book step answers with the whole project: put it in the cache, refresh the rest. */
function useProjectMutation<V>(id: string, fn: (vars: V) => Promise<ProjectDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (project) => {
      qc.setQueryData(projectKey(id), project);
      refreshAround(qc);
    },
  });
}

export const useDrawTaskBook = (id: string) =>
  useProjectMutation(id, (body: DrawTaskBook) => drawTaskBook(id, body));
export const useConfirmTaskBook = (id: string) =>
  useProjectMutation(id, (event: TaskBookConfirmation) => confirmTaskBook(id, event));
export const useSignTaskBook = (id: string) =>
  useProjectMutation(id, (v: { file: File; signedOn: string }) => signTaskBook(id, v.file, v.signedOn));
export const useAssignOfficer = (id: string) =>
  useProjectMutation(id, (v: { userId: string }) => assignOfficer(id, v.userId));

/** A payment step answers with the payment: its project and every list of payments refresh. */
function usePaymentMutation<V>(fn: (vars: V) => Promise<Payment>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => refreshAround(qc),
  });
}

export const usePreparePayment = (projectId: string) =>
  usePaymentMutation((v: { input: PreparePaymentInput; key: string }) =>
    preparePayment(projectId, v.input, v.key),
  );

export const usePaymentEvent = () =>
  usePaymentMutation(
    (v: { id: string; event: PaymentEvent; treasuryRef?: string; idempotencyKey?: string }) =>
      runPaymentEvent(v.id, v.event, { treasuryRef: v.treasuryRef, idempotencyKey: v.idempotencyKey }),
  );
