import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  decideRectification,
  fetchProjectRectifications,
  fetchRectificationInbox,
  type ProjectRectifications,
  type RectificationDecisionInput,
  type RectificationEvent,
  type RectificationInput,
  type RectificationNeed,
  type RectificationReportInput,
  raiseRectification,
  reportRectification,
} from "../../api/rectifications";
import { projectKey } from "../execution/hooks";

export const rectificationsKey = (id: string) => [...projectKey(id), "rectifications"] as const;
export const rectificationInboxKey = ["rectifications"] as const;

export function useProjectRectifications(id: string) {
  return useQuery({ queryKey: rectificationsKey(id), queryFn: () => fetchProjectRectifications(id) });
}

export function useRectificationInbox(need: RectificationNeed) {
  return useQuery({
    queryKey: [...rectificationInboxKey, need],
    queryFn: () => fetchRectificationInbox(need),
  });
}

/** Every step answers with the project's items: they go in the cache; the inbox and the workspace refresh. */
function useRectificationMutation<V>(id: string, fn: (vars: V) => Promise<ProjectRectifications>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(rectificationsKey(id), data);
      for (const queryKey of [rectificationInboxKey, ["workspace"]]) qc.invalidateQueries({ queryKey });
    },
  });
}

export const useRaiseRectification = (id: string) =>
  useRectificationMutation(id, (body: RectificationInput) => raiseRectification(id, body));

export const useReportRectification = (id: string) =>
  useRectificationMutation(id, (v: { rid: string; body: RectificationReportInput }) =>
    reportRectification(id, v.rid, v.body),
  );

export const useDecideRectification = (id: string) =>
  useRectificationMutation(
    id,
    (v: { rid: string; event: RectificationEvent; body: RectificationDecisionInput }) =>
      decideRectification(id, v.rid, v.event, v.body),
  );
