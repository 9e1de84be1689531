import type {
  bidBody,
  ChallengeDto,
  challengeBody,
  challengeEventBody,
  challengeEvents,
  negotiationBody,
  PublicChallengeDto,
} from "@luoshu/contract";
import { apiFetch } from "./client";
import type { In } from "./decisions";

/** 揭榜挂帅 (DT-RULES §15; LY-REFORM §三(三)2): challenge lists, bids, shortlist, notice, agreement, award. */
export type Challenge = ChallengeDto;
export type ChallengeBid = ChallengeDto["bids"][number];
export type ChallengeEvent = (typeof challengeEvents)[number];
export type ChallengeAction = ChallengeDto["allowedActions"][number];
export type ChallengeInput = In<typeof challengeBody>;
export type ChallengeEventInput = In<typeof challengeEventBody>;
export type BidInput = In<typeof bidBody>;
export type NegotiationInput = In<typeof negotiationBody>;
export type PublicChallenge = PublicChallengeDto;

const one = (id: string) => `/challenges/${encodeURIComponent(id)}`;

/**
 * The bureau sees drafts and every bid; a unit sees published lists and its own bid. `mine` keeps
 * the challenges waiting for a step of the caller's own (a bid is a choice, not such a step).
 */
export function fetchChallenges(mine = false): Promise<{ items: Challenge[]; total: number }> {
  return apiFetch("/challenges", { query: { mine: mine ? "true" : undefined } });
}

export function createChallenge(input: ChallengeInput): Promise<Challenge> {
  return apiFetch("/challenges", { method: "POST", body: input });
}

export function runChallengeEvent(
  id: string,
  event: ChallengeEvent,
  input: ChallengeEventInput = {},
): Promise<Challenge> {
  return apiFetch(`${one(id)}/events/${encodeURIComponent(event)}`, { method: "POST", body: input });
}

/** 揭榜: once per unit, before the deadline. */
export function submitBid(id: string, input: BidInput): Promise<Challenge> {
  return apiFetch(`${one(id)}/bids`, { method: "POST", body: input });
}

/** 揭榜磋商 and the preliminary cooperation agreement, recorded by the officer. */
export function recordNegotiation(id: string, bidId: string, input: NegotiationInput): Promise<Challenge> {
  return apiFetch(`${one(id)}/bids/${encodeURIComponent(bidId)}/negotiation`, {
    method: "POST",
    body: input,
  });
}

/** Open lists, shortlists in notice and awards: no login. */
export function fetchPublicChallenges(): Promise<PublicChallenge[]> {
  return apiFetch("/public/challenges");
}
