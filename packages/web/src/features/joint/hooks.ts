import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchExperts } from "../../api/experts";
import {
  fetchJointTopics,
  type JointEvent,
  type JointEventInput,
  type JointFilter,
  type JointQuestionInput,
  runJointEvent,
  submitJointQuestion,
} from "../../api/joint";
import { projectsKey } from "../decisions/hooks";

export const jointKey = ["jointResearch"] as const;

/** The year's topics; nothing is asked where the city runs no joint research. */
export function useJointTopics(filter: JointFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...jointKey, filter],
    queryFn: () => fetchJointTopics(filter),
    enabled,
  });
}

/** The expert pool the joint committee is drawn from (the officer reads it); active experts only. */
export function useCommitteePool(enabled: boolean) {
  return useQuery({
    queryKey: ["experts", "jointCommittee"],
    queryFn: () => fetchExperts({ page: 1, pageSize: 200, status: "active" }),
    enabled,
  });
}

/** Every change answers with the topic: the list refreshes, and an approval adds a project. */
function useJointMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: jointKey });
      qc.invalidateQueries({ queryKey: projectsKey });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export const useSubmitJointQuestion = () =>
  useJointMutation((input: JointQuestionInput) => submitJointQuestion(input));
export const useJointEvent = () =>
  useJointMutation((v: { id: string; event: JointEvent; body: JointEventInput }) =>
    runJointEvent(v.id, v.event, v.body),
  );
