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

function fakeGuides(rows: Guide[]) {
  const byId = new Map(rows.map((g) => [g.id, g]));
  const updates: { id: string; values: Update }[] = [];
  const locked: Scope[] = [];
  const guides: Pick<GuidesRepository, "lock" | "update"> = {
    async lock(scope, id) {
      locked.push(scope);
      const g = byId.get(id);
      return g && { guide: structuredClone(g), calls: [] };
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
        return g && { guide: Object.assign(structuredClone(g), ...applied), calls: [] };
      },
    },
  };
  return { tx: fakeTransactor({ guides }), repos: reads, updates, locked };
}

const city = { kind: "city", cityId: "luoyang" } as const;
const leader = callerContext(["bureauLeader"], city, {}, now);
const officer = callerContext(["programOfficer"], city, {}, now);

describe("change a guide's status (use case, with fakes)", () => {
  it("lets the bureau leader publish a guide in internal review, stamping publishedAt and auditing", async () => {
    const f = fakeGuides([guide("internalReview")]);
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

  it("refuses to publish a guide that breaks the policy in force, with the rule's code and clause", async () => {
    // 5 万元 is over the soft-science cap of 3 万元 per project (LY-REFORM §三(四)3).
    const f = fakeGuides([guide("internalReview", { amountRange: { minFen: 0, maxFen: 5_000_000 } })]);
    const publish = changeGuideStatus(
      { tx: f.tx, repos: f.repos, policies },
      { ctx: leader, id: guide("draft").id, event: "publish" },
    );
    await expect(publish).rejects.toMatchObject({
      code: "GUIDE_AMOUNT_OVER_POLICY_CAP",
      clause: "LY-REFORM §三(四)3",
      path: "amountRange.maxFen",
      details: { violations: [expect.objectContaining({ code: "GUIDE_AMOUNT_OVER_POLICY_CAP" })] },
    });
    expect(f.updates).toEqual([]);
    expect(f.tx.audits).toEqual([]);
  });

  it("reports every rule the guide breaks at once when it goes to review", async () => {
    const broken = guide("draft", {
      amountRange: { minFen: 0, maxFen: 5_000_000 },
      criteria: [{ nameZh: "综合", weight: 90 }],
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
    expect(codes).toEqual(["GUIDE_CRITERIA_WEIGHTS", "GUIDE_AMOUNT_OVER_POLICY_CAP"]);
    expect(f.updates).toEqual([]);
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
