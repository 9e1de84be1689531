import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchNeeds, type NeedQuery, type TriageDecision, triageNeed } from "../../api/needs";

export function useNeeds(q: NeedQuery, enabled = true) {
  return useQuery({
    queryKey: ["needs", q],
    queryFn: () => fetchNeeds(q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTriage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: TriageDecision }) => triageNeed(id, decision),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ["needs"] });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}
