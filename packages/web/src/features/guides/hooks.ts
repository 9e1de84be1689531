import type { GuideContentInput, GuideEvent } from "@luoshu/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createGuide,
  fetchGuide,
  fetchGuides,
  fireGuideEvent,
  type GuideQuery,
  updateGuide,
} from "../../api/guides";

export function useGuides(q: GuideQuery) {
  return useQuery({
    queryKey: ["guides", q],
    queryFn: () => fetchGuides(q),
    placeholderData: keepPreviousData,
  });
}

export function useGuide(id: string | undefined) {
  return useQuery({
    queryKey: ["guide", id],
    queryFn: () => fetchGuide(id as string),
    enabled: Boolean(id),
  });
}

export function useSaveGuide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, content }: { id?: string; content: GuideContentInput }) =>
      id ? updateGuide(id, content) : createGuide(content),
    onSuccess: (guide) => {
      qc.setQueryData(["guide", guide.id], guide);
      qc.invalidateQueries({ queryKey: ["guides"] });
    },
  });
}

export function useGuideEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ event, overrideReason }: { event: GuideEvent; overrideReason?: string }) =>
      fireGuideEvent(id, event, overrideReason),
    onSuccess: (guide) => {
      qc.setQueryData(["guide", id], guide);
      qc.invalidateQueries({ queryKey: ["guides"] });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}
