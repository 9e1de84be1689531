import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  decideSubsidyUse,
  fetchSubsidyUse,
  fileSubsidyUse,
  type SubsidyUse,
  type SubsidyUseDecisionInput,
  type SubsidyUseEvent,
  type SubsidyUseInput,
} from "../../api/subsidyUse";
import { projectKey } from "../execution/hooks";

/** Under the project's key: whatever refreshes the project refreshes its use reports. */
export const subsidyUseKey = (id: string) => [...projectKey(id), "subsidy-use"] as const;

export function useSubsidyUse(id: string, enabled = true) {
  return useQuery({ queryKey: subsidyUseKey(id), queryFn: () => fetchSubsidyUse(id), enabled });
}

/** Each step answers with the project's reports: they go in the cache, and the workspace refreshes. */
function useSubsidyUseMutation<V>(id: string, fn: (vars: V) => Promise<SubsidyUse>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(subsidyUseKey(id), data);
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export const useFileSubsidyUse = (id: string) =>
  useSubsidyUseMutation(id, (body: SubsidyUseInput) => fileSubsidyUse(id, body));

export const useDecideSubsidyUse = (id: string) =>
  useSubsidyUseMutation(
    id,
    (v: { reportId: string; event: SubsidyUseEvent; body: SubsidyUseDecisionInput }) =>
      decideSubsidyUse(id, v.reportId, v.event, v.body),
  );
