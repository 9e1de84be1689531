import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProjectDetail } from "../../api/execution";
import {
  applyTermination,
  type ChangeEvent,
  type ChangeRequestInput,
  type ClosureDecisionInput,
  type ClosureEvent,
  type ClosureReturnInput,
  decideChange,
  decideTermination,
  fetchClosuresWaiting,
  imposeSanction,
  type LiftSanctionInput,
  liftSanction,
  type RevocationInput,
  recordReturn,
  requestChange,
  revokeProject,
  type SanctionInput,
  type TerminationInput,
} from "../../api/projectLife";
import { projectsKey } from "../decisions/hooks";
import { ledgerYearsKey, paymentsKey, projectKey } from "../execution/hooks";

export const closuresWaitingKey = ["project-closures"] as const;

export function useClosuresWaiting(enabled: boolean) {
  return useQuery({ queryKey: closuresWaitingKey, queryFn: fetchClosuresWaiting, enabled });
}

/**
 * Every step answers with the whole project: it goes in the cache, and what it changes elsewhere
 * refreshes (the project lists, payments and the ledger's figures, the workspace, the integrity
 * records a revocation or a ban leaves, the terminations waiting).
 */
function useLifeMutation<V>(id: string, fn: (vars: V) => Promise<ProjectDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (project) => {
      qc.setQueryData(projectKey(id), project);
      for (const queryKey of [
        projectsKey,
        paymentsKey,
        ledgerYearsKey,
        ["workspace"],
        ["integrity-records"],
        closuresWaitingKey,
      ]) {
        qc.invalidateQueries({ queryKey });
      }
    },
  });
}

export const useApplyTermination = (id: string) =>
  useLifeMutation(id, (body: TerminationInput) => applyTermination(id, body));

export const useDecideTermination = (id: string) =>
  useLifeMutation(id, (v: { event: ClosureEvent; body: ClosureDecisionInput }) =>
    decideTermination(id, v.event, v.body),
  );

export const useRevokeProject = (id: string) =>
  useLifeMutation(id, (body: RevocationInput) => revokeProject(id, body));

export const useRecordReturn = (id: string) =>
  useLifeMutation(id, (v: { body: ClosureReturnInput; key: string }) => recordReturn(id, v.body, v.key));

export const useImposeSanction = (id: string) =>
  useLifeMutation(id, (body: SanctionInput) => imposeSanction(id, body));

export const useLiftSanction = (id: string) =>
  useLifeMutation(id, (v: { sanctionId: string; body: LiftSanctionInput }) =>
    liftSanction(id, v.sanctionId, v.body),
  );

export const useRequestChange = (id: string) =>
  useLifeMutation(id, (body: ChangeRequestInput) => requestChange(id, body));

export const useDecideChange = (id: string) =>
  useLifeMutation(id, (v: { changeId: string; event: ChangeEvent; body: ClosureDecisionInput }) =>
    decideChange(id, v.changeId, v.event, v.body),
  );
