import type { Need } from "@luoshu/domain";
import { describe, expect, it } from "vitest";
import { callerContext, fakeTransactor } from "../../test/fakes.ts";
import type { NeedsRepository } from "./needs.repository.ts";
import { triageNeed } from "./triage-need.ts";

const need = (id: string, over: Partial<Need> = {}): Need => ({
  id,
  cityId: "luoyang",
  title: "轴承寿命预测",
  field: "装备制造",
  problem: "需要一种可靠的轴承剩余寿命预测方法。",
  expectedIndicators: "",
  coFundingFen: 0,
  submitterName: "王工",
  submitterContact: "13800000000",
  submitterUserId: null,
  status: "submitted",
  mergedInto: null,
  decisionReason: null,
  createdAt: new Date("2026-03-01T00:00:00Z"),
  decidedAt: null,
  ...over,
});

function fakeNeeds(rows: Need[]): Pick<NeedsRepository, "lock" | "find" | "decide"> {
  const byId = new Map(rows.map((n) => [n.id, n]));
  const find = async (_scope: unknown, id: string) => byId.get(id);
  return {
    find,
    lock: find,
    async decide(n, values) {
      const next = { ...n, ...values };
      byId.set(n.id, next);
      return next;
    },
  };
}

const officer = callerContext(["programOfficer"], { kind: "city", cityId: "luoyang" });

describe("triage a need (use case, with fakes)", () => {
  it("accepts a submitted need and audits the change with its reason", async () => {
    const tx = fakeTransactor({ needs: fakeNeeds([need("a")]) });
    const out = await triageNeed(
      { tx },
      { ctx: officer, id: "a", decision: { event: "accept", reason: "好" } },
    );
    expect(out).toMatchObject({ status: "accepted", decisionReason: "好", decidedAt: officer.now });
    expect(tx.audits).toEqual([
      expect.objectContaining({
        action: "need.accept",
        before: { status: "submitted" },
        after: { status: "accepted", reason: "好" },
      }),
    ]);
  });

  it("merges only into another accepted need, and writes nothing otherwise", async () => {
    const tx = fakeTransactor({
      needs: fakeNeeds([need("a"), need("b"), need("c", { status: "accepted" })]),
    });
    const merge = (into: string) =>
      triageNeed({ tx }, { ctx: officer, id: "a", decision: { event: "merge", into } });
    await expect(merge("b")).rejects.toMatchObject({ code: "VALIDATION", path: "into" });
    await expect(merge("a")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(merge("missing")).rejects.toMatchObject({ code: "VALIDATION" });
    expect(tx.audits).toEqual([]);
    expect(await merge("c")).toMatchObject({ status: "merged", mergedInto: "c" });
  });

  it("refuses a second decision and other roles, and answers an unknown need as not found", async () => {
    const tx = fakeTransactor({ needs: fakeNeeds([need("a", { status: "rejected" }), need("b")]) });
    const again = triageNeed({ tx }, { ctx: officer, id: "a", decision: { event: "accept" } });
    await expect(again).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    const leader = callerContext(["bureauLeader"], officer.scope);
    const forbidden = triageNeed({ tx }, { ctx: leader, id: "b", decision: { event: "accept" } });
    await expect(forbidden).rejects.toMatchObject({ code: "FORBIDDEN" });
    const missing = triageNeed({ tx }, { ctx: officer, id: "zz", decision: { event: "accept" } });
    await expect(missing).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(tx.audits).toEqual([]);
  });
});
