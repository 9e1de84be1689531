import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CollectiveDecisionInput,
  type CommissionEvent,
  type CommissionInput,
  createDirectedCommission,
  createProposedList,
  type EditListInput,
  editProposedList,
  fetchApplicationResult,
  fetchControlNumbers,
  fetchDecisionCalls,
  fetchDirectedCommissions,
  fetchProjects,
  fetchProposedList,
  fetchPublicCommissions,
  fetchPublicNotices,
  fileGuidingProject,
  type HandleObjectionInput,
  handleObjection,
  type ListEvent,
  type ListEventInput,
  type ProjectsWaiting,
  type ProposedList,
  type RaiseObjectionInput,
  raiseObjection,
  recordCollectiveDecision,
  runCommissionEvent,
  runListEvent,
  type SetControlNumberInput,
  setControlNumber,
  uploadCollectiveDecisionAttachment,
  type WithdrawEntryInput,
  withdrawEntry,
} from "../../api/decisions";

export const decisionCallsKey = ["decisions", "calls"] as const;
export const proposedListKey = (id: string) => ["proposed-list", id] as const;
export const controlNumbersKey = ["budget", "control-numbers"] as const;
export const projectsKey = ["projects"] as const;
/** The project lists (all, or what waits for the caller), without the projects' own pages. */
export const projectListsKey = [...projectsKey, "list"] as const;
export const publicNoticesKey = ["publicNotices"] as const;
export const commissionsKey = ["directed-commissions"] as const;
export const publicCommissionsKey = ["publicCommissions"] as const;
export const applicationResultKey = (id: string) => ["application", id, "result"] as const;

export function useDecisionCalls() {
  return useQuery({ queryKey: decisionCallsKey, queryFn: fetchDecisionCalls });
}

export function useProposedList(id: string) {
  return useQuery({ queryKey: proposedListKey(id), queryFn: () => fetchProposedList(id) });
}

export function useCreateProposedList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createProposedList,
    onSuccess: (list) => {
      qc.setQueryData(proposedListKey(list.id), list);
      qc.invalidateQueries({ queryKey: decisionCallsKey });
    },
  });
}

/**
 * Every change to a list answers with the whole list: put it in the cache, refresh the calls (their
 * status and whom they wait for), the workspace tiles, and what issuing or a co-sign changes elsewhere.
 */
function useListMutation<V>(id: string, fn: (vars: V) => Promise<ProposedList>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (list) => {
      qc.setQueryData(proposedListKey(id), list);
      qc.invalidateQueries({ queryKey: decisionCallsKey });
      qc.invalidateQueries({ queryKey: ["workspace"] });
      qc.invalidateQueries({ queryKey: projectsKey });
      qc.invalidateQueries({ queryKey: controlNumbersKey });
    },
  });
}

export const useEditProposedList = (id: string) =>
  useListMutation(id, (input: EditListInput) => editProposedList(id, input));
export const useRecordCollectiveDecision = (id: string) =>
  useListMutation(id, (input: CollectiveDecisionInput) => recordCollectiveDecision(id, input));
export const useUploadCollectiveDecision = (id: string) =>
  useListMutation(id, (file: File) => uploadCollectiveDecisionAttachment(id, file));
export const useListEvent = (id: string) =>
  useListMutation(id, (v: { event: ListEvent; body: ListEventInput }) => runListEvent(id, v.event, v.body));
export const useWithdrawEntry = (id: string) =>
  useListMutation(id, (v: { applicationId: string } & WithdrawEntryInput) =>
    withdrawEntry(id, v.applicationId, { reason: v.reason }),
  );
export const useHandleObjection = (id: string) =>
  useListMutation(id, (v: { objectionId: string } & HandleObjectionInput) =>
    handleObjection(id, v.objectionId, { outcome: v.outcome, note: v.note }),
  );

export function useControlNumbers() {
  return useQuery({ queryKey: controlNumbersKey, queryFn: fetchControlNumbers });
}

export function useSetControlNumber() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { year: number } & SetControlNumberInput) =>
      setControlNumber(v.year, { amountFen: v.amountFen, docNumber: v.docNumber }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: controlNumbersKey });
      // every open list compares itself with the control number
      qc.invalidateQueries({ queryKey: ["proposed-list"] });
    },
  });
}

export function useProjects(enabled = true, waiting: ProjectsWaiting | null = null) {
  return useQuery({
    queryKey: [...projectListsKey, { waiting }],
    queryFn: () => fetchProjects(waiting),
    enabled,
  });
}

export function usePublicNotices() {
  return useQuery({ queryKey: publicNoticesKey, queryFn: fetchPublicNotices });
}

export function useRaiseObjection(listId: string) {
  return useMutation({ mutationFn: (input: RaiseObjectionInput) => raiseObjection(listId, input) });
}

export function useApplicationResult(applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: applicationResultKey(applicationId),
    queryFn: () => fetchApplicationResult(applicationId),
    enabled,
  });
}

export function useDirectedCommissions() {
  return useQuery({ queryKey: commissionsKey, queryFn: fetchDirectedCommissions });
}

/** A new commission, or a step of one: the list refreshes, and an approval adds a project. */
function useCommissionMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: commissionsKey });
      qc.invalidateQueries({ queryKey: projectsKey });
      qc.invalidateQueries({ queryKey: publicCommissionsKey });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export const useCreateCommission = () =>
  useCommissionMutation((input: CommissionInput) => createDirectedCommission(input));
export const useCommissionEvent = () =>
  useCommissionMutation((v: { id: string; event: CommissionEvent }) => runCommissionEvent(v.id, v.event));

export function usePublicCommissions() {
  return useQuery({ queryKey: publicCommissionsKey, queryFn: fetchPublicCommissions });
}

/** 备案立项: the project it creates shows on the projects page. */
export function useFileGuiding(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => fileGuidingProject(applicationId),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: projectsKey });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}
