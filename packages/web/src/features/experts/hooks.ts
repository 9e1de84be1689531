import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  commitImport,
  dryRunImport,
  type ExpertQuery,
  type ExpertSelfInput,
  fetchDisciplines,
  fetchExperts,
  fetchOwnExpert,
  setSuspension,
  updateOwnExpert,
} from "../../api/experts";

export function useExperts(q: ExpertQuery) {
  return useQuery({
    queryKey: ["experts", q],
    queryFn: () => fetchExperts(q),
    placeholderData: keepPreviousData,
  });
}

export function useDisciplines() {
  return useQuery({
    queryKey: ["disciplines"],
    queryFn: fetchDisciplines,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSuspension() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; suspend: boolean; reason: string }) =>
      setSuspension(v.id, v.suspend, v.reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["experts"] }),
  });
}

export function useDryRunImport() {
  return useMutation({ mutationFn: dryRunImport });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["experts"] }),
  });
}

export function useOwnExpert() {
  return useQuery({ queryKey: ["experts", "me"], queryFn: fetchOwnExpert });
}

export function useUpdateOwnExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpertSelfInput) => updateOwnExpert(input),
    onSuccess: (data) => qc.setQueryData(["experts", "me"], data),
  });
}
