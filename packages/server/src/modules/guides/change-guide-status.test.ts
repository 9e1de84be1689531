import type { Guide, GuideContentInput, GuideState, Scope } from "@luoshu/domain";
import { describe, expect, it } from "vitest";
import { readPolicies } from "../../lib/policy-files.ts";
import { callerContext, fakeTransactor } from "../../test/fakes.ts";
import { softScienceGuide } from "../../test/guide-fixtures.ts";
import { policiesDir } from "../../test/test-app.ts";
import { changeGuideStatus } from "./change-guide-status.ts";
import type { GuidesRepository } from "./guides.repository.ts";

const policies = readPolicies(policiesDir);
const now = new Date("2026-03-02T02:00:00Z");
const created = new Date("2026-02-01T02:00:00Z");

const guide = (status: GuideState, over: Partial<GuideContentInput> = {}) =>
  softScienceGuide(
    status,
    {
      criteria: [
        { nameZh: "研究意义", weight: 40 },
        { nameZh: "研究基础", weight: 60 },
      ],
      ...over,
    },
    created,
  );

type Update = Parameters<GuidesRepository["update"]>[1];

function fakeGuides(rows: Guide[], plannedElsewhere = 0) {
  const byId = new Map(rows.map((g) => [g.id, g]));
  const updates: { id: string; values: Update }[] = [];
  const locked: Scope[] = [];
  const guides: Pick<GuidesRepository, "lock" | "update"> = {
    async lock(scope, id) {
      locked.push(scope);
      const g = byId.get(id);
      return g && { guide: structuredClone(g), calls: [], plannedElsewhere };
    },
    async update(g, values) {
      updates.push({ id: g.id, values });
    },
  };
  // What the use case reads back once it has written: the guide with the updates applied.
  const reads = {
    guides: {
      find: async (_scope: Scope, id: string) => {
        const g = byId.get(id);
        const applied = updates.filter((u) => u.id === id).map((u) => u.values);
        return g && { guide: Object.assign(structuredClone(g), ...applied), calls: [], plannedElsewhere };
      },
    },
  };
  return { tx: fakeTransactor({ guides }), repos: reads, updates, locked };
}

const city = { kind: "city", cityId: "luoyang" } as const;
const leader = callerContext(["bureauLeader"], city, {}, now);
const officer = callerContext(["programOfficer"], city, {}, now);
const finance = callerContext(["financeOfficer"], city, {}, now);
/** In review and already co-issued by the finance bureau, as a pre-funded Luoyang guide must be to publish. */
const coIssued = (over: Partial<GuideContentInput> = {}): Guide => ({
  ...guide("internalReview", over),
  coIssue: { userId: "00000000-0000-4000-8000-0000000000fe", at: created },
});

describe("change a guide's status (use case, with fakes)", () => {
  it("lets the bureau leader publish a guide in internal review, stamping publishedAt and auditing", async () => {
    const f = fakeGuides([coIssued()]);
    await changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: guide("draft").id, event: "publish" },
    );
    expect(f.locked).toEqual([city]);
    expect(f.updates).toEqual([
      { id: guide("draft").id, values: { status: "published", updatedAt: now, publishedAt: now } },
    ]);
    expect(f.tx.audits).toEqual([
      {
        action: "guide.publish",
        entityType: "guide",
        entityId: guide("draft").id,
        before: { status: "internalReview" },
        after: { status: "published" },
      },
    ]);
  });

  it("does not let the program officer publish", async () => {
    const f = fakeGuides([guide("internalReview")]);
    const publish = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: officer, id: guide("draft").id, event: "publish" },
    );
    await expect(publish).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(f.updates).toEqual([]);
    expect(f.tx.audits).toEqual([]);
  });

  it("refuses to publish over a cap stated in principle without the leader's reason, citing it", async () => {
    // 5 万元 is over soft science's 3 万元 per project, 原则上 (LY-REFORM §三(四)3).
    const f = fakeGuides([coIssued({ amountRange: { minFen: 0, maxFen: 5_000_000 } })]);
    const publish = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: guide("draft").id, event: "publish" },
    );
    await expect(publish).rejects.toMatchObject({
      code: "GUIDE_OVER_IN_PRINCIPLE_CAP",
      clause: "LY-REFORM §三(四)3",
      path: "amountRange.maxFen",
      details: { violations: [expect.objectContaining({ code: "GUIDE_OVER_IN_PRINCIPLE_CAP" })] },
    });
    expect(f.updates).toEqual([]);
    expect(f.tx.audits).toEqual([]);
  });

  it("publishes over it with the leader's reason, recorded and audited with the caps exceeded", async () => {
    // 4 more planned where other guides of the year already plan 8: 12 of soft science's 10 a year
    const f = fakeGuides([coIssued({ amountRange: { minFen: 0, maxFen: 5_000_000 }, plannedCount: 4 })], 8);
    const reason = "重大战略研究课题，经局党组会议研究同意";
    const out = await changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: guide("draft").id, event: "publish", overrideReason: ` ${reason} ` },
    );
    const capOverride = { reason, userId: leader.actor.userId, at: now };
    expect(f.updates).toEqual([
      {
        id: guide("draft").id,
        values: { status: "published", updatedAt: now, publishedAt: now, capOverride },
      },
    ]);
    expect(out.guide.capOverride).toEqual(capOverride);
    expect(f.tx.audits).toEqual([
      expect.objectContaining({
        action: "guide.publish",
        after: {
          status: "published",
          overrideReason: reason,
          capsExceeded: [
            { path: "amountRange.maxFen", clause: "LY-REFORM §三(四)3" },
            { path: "plannedCount", clause: "LY-REFORM §三(四)3" },
          ],
        },
      }),
    ]);
  });

  it("takes a reason only with publish", async () => {
    const f = fakeGuides([coIssued()]);
    const close = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: officer, id: guide("draft").id, event: "returnToDraft", overrideReason: "理由理由理由" },
    );
    await expect(close).rejects.toMatchObject({ code: "VALIDATION", path: "overrideReason" });
  });

  it("refuses to publish a pre-funded guide before the finance bureau co-issued it (LY-FUNDS §12)", async () => {
    const f = fakeGuides([guide("internalReview")]);
    const publish = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: guide("draft").id, event: "publish" },
    );
    await expect(publish).rejects.toMatchObject({ code: "GUIDE_CO_ISSUE_REQUIRED", clause: "LY-FUNDS §12" });
    expect(f.updates).toEqual([]);
  });

  it("records the finance officer's co-issue, audited; once only; cleared when the guide goes back to draft", async () => {
    const f = fakeGuides([guide("internalReview")]);
    const deps = { tx: f.tx, repos: f.repos, policies };
    const out = await changeGuideStatus(deps, { ctx: finance, id: guide("draft").id, event: "coIssue" });
    const coIssue = { userId: finance.actor.userId, at: now };
    expect(f.updates).toEqual([
      { id: guide("draft").id, values: { status: "internalReview", updatedAt: now, coIssue } },
    ]);
    expect(out.guide.coIssue).toEqual(coIssue);
    expect(f.tx.audits).toEqual([
      expect.objectContaining({ action: "guide.coIssue", after: { status: "internalReview" } }),
    ]);
    const again = fakeGuides([coIssued()]);
    const twice = changeGuideStatus(
      { tx: again.tx, repos: again.repos, policies },
      { ctx: finance, id: guide("draft").id, event: "coIssue" },
    );
    await expect(twice).rejects.toMatchObject({ code: "GUIDE_CO_ISSUE_NOT_NEEDED" });
    await changeGuideStatus(
      { tx: again.tx, repos: again.repos, policies },
      { ctx: officer, id: guide("draft").id, event: "returnToDraft" },
    );
    expect(again.updates[0]?.values).toMatchObject({ status: "draft", coIssue: null, capOverride: null });
  });

  it("does not let the leader co-issue for the finance bureau", async () => {
    const f = fakeGuides([guide("internalReview")]);
    const co = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: guide("draft").id, event: "coIssue" },
    );
    await expect(co).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reports every rule the guide breaks at once when it goes to review", async () => {
    const broken = guide("draft", {
      amountRange: { minFen: 0, maxFen: 5_000_000 },
      criteria: [{ nameZh: "综合", weight: 90 }],
      districtReview: false,
    });
    const f = fakeGuides([broken]);
    const error = await changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: officer, id: broken.id, event: "submitForReview" },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "GUIDE_CRITERIA_WEIGHTS" });
    const codes = (error as { details: { violations: { code: string }[] } }).details.violations.map(
      (v) => v.code,
    );
    expect(codes).toEqual(["GUIDE_CRITERIA_WEIGHTS", "GUIDE_DISTRICT_REVIEW_REQUIRED"]);
    expect(f.updates).toEqual([]);
  });

  it("sends neither for review nor out a guide whose call has already closed, naming the call", async () => {
    const june = new Date("2026-06-01T02:00:00Z"); // the fixture's call closed on 31 May, 17:00
    const cases = [
      {
        row: guide("draft"),
        ctx: callerContext(["programOfficer"], city, {}, june),
        event: "submitForReview",
      },
      { row: coIssued(), ctx: callerContext(["bureauLeader"], city, {}, june), event: "publish" },
    ] as const;
    for (const { row, ctx, event } of cases) {
      const f = fakeGuides([row]);
      const error = await changeGuideStatus(
        { tx: f.tx, repos: f.repos, policies },
        { ctx, id: row.id, event },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "GUIDE_CALL_CLOSED", path: "calls.0.closesAt" });
      expect((error as Error & { messageZh: string }).messageZh).toContain("2026-05-31 17:00");
      expect(f.updates).toEqual([]);
    }
  });

  it("closes without judging the content again, also after the policy's validity ended", async () => {
    const late = callerContext(["programOfficer"], city, {}, new Date("2031-01-05T02:00:00Z"));
    const f = fakeGuides([guide("published")]);
    await changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: late, id: guide("draft").id, event: "close" },
    );
    expect(f.updates).toHaveLength(1);
  });

  it("closes without judging the content again, and leaves publishedAt alone", async () => {
    const f = fakeGuides([guide("published", { amountRange: { minFen: 0, maxFen: 5_000_000 } })]);
    await changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: officer, id: guide("draft").id, event: "close" },
    );
    expect(f.updates).toEqual([{ id: guide("draft").id, values: { status: "closed", updatedAt: now } }]);
  });

  it("answers an unknown guide as not found, and a wrong state as an invalid transition", async () => {
    const f = fakeGuides([guide("draft")]);
    const missing = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: "00000000-0000-4000-8000-0000000000d9", event: "publish" },
    );
    await expect(missing).rejects.toMatchObject({ code: "NOT_FOUND" });
    const early = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: guide("draft").id, event: "publish" },
    );
    await expect(early).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(f.updates).toEqual([]);
    expect(f.tx.audits).toEqual([]);
  });
});
