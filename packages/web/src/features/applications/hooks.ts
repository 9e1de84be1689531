import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type Application,
  type ApplicationInput,
  type ApplicationQuery,
  confirmCommitment,
  createApplication,
  type DistrictDecision,
  type DuplicateDecisionInput,
  decideDuplicate,
  districtReview,
  type FormalDecision,
  fetchApplication,
  fetchApplications,
  fetchAttachments,
  fetchDuplicates,
  fetchHistory,
  formalCheck,
  saveContent,
  submitApplication,
  uploadAttachment,
  withdrawApplication,
} from "../../api/applications";

export const applicationKey = (id: string) => ["application", id] as const;

export function useApplications(q: ApplicationQuery) {
  return useQuery({
    queryKey: ["applications", q],
    queryFn: () => fetchApplications(q),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: applicationKey(id), queryFn: () => fetchApplication(id) });
}

export function useAttachments(id: string) {
  return useQuery({ queryKey: ["application", id, "attachments"], queryFn: () => fetchAttachments(id) });
}

export function useHistory(id: string) {
  return useQuery({ queryKey: ["application", id, "history"], queryFn: () => fetchHistory(id) });
}

/** Puts the answer in the cache and refreshes the lists and inbox that count applications by status. */
function useApplicationMutation<V>(id: string, fn: (vars: V) => Promise<Application>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (app) => {
      qc.setQueryData(applicationKey(id), app);
      qc.invalidateQueries({ queryKey: ["application", id, "history"] });
      qc.invalidateQueries({ queryKey: ["applications"] });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export function useCreateApplication(onCreated: (app: Application) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createApplication,
    onSuccess: (app) => {
      qc.setQueryData(applicationKey(app.id), app);
      qc.invalidateQueries({ queryKey: ["applications"] });
      qc.invalidateQueries({ queryKey: ["workspace"] });
      onCreated(app);
    },
  });
}

export function useSaveContent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplicationInput) => saveContent(id, input),
    onSuccess: (res) => {
      qc.setQueryData(applicationKey(id), res.application);
      qc.invalidateQueries({ queryKey: ["applications"] });
    },
  });
}

export const useCommitment = (id: string) =>
  useApplicationMutation(id, (as: "pi" | "unit") => confirmCommitment(id, as));
export const useSubmit = (id: string) => useApplicationMutation(id, () => submitApplication(id));
export const useWithdraw = (id: string) => useApplicationMutation(id, () => withdrawApplication(id));
export const useDistrictReview = (id: string) =>
  useApplicationMutation(id, (d: DistrictDecision) => districtReview(id, d));
export const useFormalCheck = (id: string) =>
  useApplicationMutation(id, (d: FormalDecision) => formalCheck(id, d));

export function useUpload(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, file }: { code: string; file: File }) => uploadAttachment(id, code, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["application", id, "attachments"] }),
  });
}

export const duplicatesKey = (id: string) => ["application", id, "duplicates"] as const;

export function useDuplicates(id: string) {
  return useQuery({ queryKey: duplicatesKey(id), queryFn: () => fetchDuplicates(id) });
}

export function useDecideDuplicate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DuplicateDecisionInput) => decideDuplicate(id, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: duplicatesKey(id) }),
  });
}
