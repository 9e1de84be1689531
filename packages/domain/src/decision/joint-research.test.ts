import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippedPolicies } from "../policy/test/shipped-policies.ts";
import { allowedEvents } from "../shared/machine.ts";
import {
  committeeConclusion,
  jointPartyOf,
  jointPriority,
  jointRulesOf,
  jointTopicMachine,
  rankJointQuestions,
  recordJointApproval,
} from "./joint-research.ts";

const [datong, luoyang] = shippedPolicies();
const approval = (by: string) => ({ by, byName: by, at: "2026-03-01T00:00:00.000Z", note: null });
const none = { bureau: null, laboratory: null };

describe("joint research (联合科研)", () => {
  it("is Luoyang's, with its clauses; Datong's documents name none", () => {
    expect(jointRulesOf(luoyang).committee.source).toMatchObject({ doc: "LY-REFORM", clause: "§三(二)2" });
    expect(() => jointRulesOf(datong)).toThrow(expect.objectContaining({ code: "DECISION_NOT_APPLICABLE" }));
  });

  it("walks question → scores → task list → proposal → committee → approval → outcome, each step by its party", () => {
    const path = [
      ["assess", "programOfficer"],
      ["list", "programOfficer"],
      ["propose", "laboratoryApprover"],
      ["recommend", "programOfficer"],
      ["approve", "bureauLeader"],
      ["close", "laboratoryApprover"],
    ] as const;
    let state: keyof typeof jointTopicMachine.labels = "submitted";
    for (const [event, role] of path) {
      expect(allowedEvents(jointTopicMachine, state, [role])).toContain(event);
      state = jointTopicMachine.transitions[event].to;
    }
    expect(state).toBe("closed");
    expect(allowedEvents(jointTopicMachine, "listed", ["programOfficer"])).toEqual([]);
    expect(allowedEvents(jointTopicMachine, "reviewed", ["laboratoryApprover"])).toEqual([
      "approve",
      "decline",
    ]);
  });

  it("scores each dimension within the city's scale and adds them into the priority", () => {
    expect(jointPriority(luoyang, { advancement: 9, leverage: 8, feasibility: 7 })).toBe(24);
    expect(() => jointPriority(luoyang, { advancement: 11, leverage: 8, feasibility: 7 })).toThrow(
      expect.objectContaining({ code: "VALIDATION", setting: "city" }),
    );
    expect(() => jointPriority(luoyang, { advancement: 1.5, leverage: 8, feasibility: 7 })).toThrow();
  });

  it("ranks by priority, earlier questions first on a tie, the unassessed last", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            priority: fc.option(fc.integer({ min: 0, max: 30 })),
            t: fc.integer({ min: 0, max: 1e6 }),
          }),
        ),
        (qs) => {
          const ranked = rankJointQuestions(
            qs.map((q) => ({ priority: q.priority, submittedAt: new Date(q.t) })),
          );
          expect(ranked).toHaveLength(qs.length);
          const scored = ranked.filter((r) => r.rank !== null);
          scored.forEach((r, i) => {
            expect(r.rank).toBe(i + 1);
            const next = scored[i + 1];
            if (next) expect((r.priority ?? 0) >= (next.priority ?? 0)).toBe(true);
          });
          expect(ranked.slice(scored.length).every((r) => r.priority === null && r.rank === null)).toBe(true);
        },
      ),
    );
  });

  it("needs every committee seat, one seat per expert, and recommends by a majority", () => {
    const m = (expertId: string, seat: "technical" | "industry" | "finance", recommend: boolean) => ({
      expertId,
      seat,
      recommend,
    });
    expect(() => committeeConclusion(luoyang, [m("a", "technical", true), m("b", "industry", true)])).toThrow(
      expect.objectContaining({ code: "JOINT_COMMITTEE_INCOMPLETE", clause: "LY-REFORM §三(二)2" }),
    );
    const three = [m("a", "technical", true), m("b", "industry", true), m("c", "finance", false)];
    expect(committeeConclusion(luoyang, three)).toBe(true);
    expect(committeeConclusion(luoyang, [...three, m("d", "technical", false)])).toBe(false);
    expect(() => committeeConclusion(luoyang, [...three, m("a", "finance", true)])).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });

  it("approves once both sides have, each once, never one person for both", () => {
    expect(jointPartyOf(["bureauLeader"])).toBe("bureau");
    expect(jointPartyOf(["laboratoryApprover"])).toBe("laboratory");
    expect(() => jointPartyOf(["bureauLeader", "laboratoryApprover"])).toThrow(
      expect.objectContaining({ code: "JOINT_APPROVAL_SEPARATE" }),
    );
    const first = recordJointApproval(luoyang, none, "laboratory", approval("lab"));
    expect(first.complete).toBe(false);
    expect(() => recordJointApproval(luoyang, first.approvals, "laboratory", approval("lab"))).toThrow(
      expect.objectContaining({ code: "JOINT_ALREADY_APPROVED" }),
    );
    expect(() => recordJointApproval(luoyang, first.approvals, "bureau", approval("lab"))).toThrow(
      expect.objectContaining({ code: "JOINT_APPROVAL_SEPARATE" }),
    );
    expect(recordJointApproval(luoyang, first.approvals, "bureau", approval("leader")).complete).toBe(true);
  });
});
