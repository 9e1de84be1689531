import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type BidInput,
  type ChallengeEvent,
  type ChallengeEventInput,
  type ChallengeInput,
  createChallenge,
  fetchChallenges,
  fetchPublicChallenges,
  type NegotiationInput,
  recordNegotiation,
  runChallengeEvent,
  submitBid,
} from "../../api/challenges";
import { projectsKey } from "../decisions/hooks";

export const challengesKey = ["challenges"] as const;
export const publicChallengesKey = ["publicChallenges"] as const;

/** The city's challenges; `mine`: only those waiting for the caller's step. */
export function useChallenges(mine = false) {
  return useQuery({ queryKey: [...challengesKey, { mine }], queryFn: () => fetchChallenges(mine) });
}

export function usePublicChallenges() {
  return useQuery({ queryKey: publicChallengesKey, queryFn: fetchPublicChallenges });
}

/** Every change answers with the challenge: the list refreshes, and the award adds projects. */
function useChallengeMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: challengesKey });
      qc.invalidateQueries({ queryKey: publicChallengesKey });
      qc.invalidateQueries({ queryKey: projectsKey });
      qc.invalidateQueries({ queryKey: ["workspace"] });
    },
  });
}

export const useCreateChallenge = () =>
  useChallengeMutation((input: ChallengeInput) => createChallenge(input));
export const useChallengeEvent = () =>
  useChallengeMutation((v: { id: string; event: ChallengeEvent; body?: ChallengeEventInput }) =>
    runChallengeEvent(v.id, v.event, v.body),
  );
export const useSubmitBid = () =>
  useChallengeMutation((v: { id: string } & BidInput) =>
    submitBid(v.id, { leaderName: v.leaderName, approach: v.approach }),
  );
export const useRecordNegotiation = () =>
  useChallengeMutation((v: { id: string; bidId: string } & NegotiationInput) =>
    recordNegotiation(v.id, v.bidId, { record: v.record, agreementSignedOn: v.agreementSignedOn }),
  );
