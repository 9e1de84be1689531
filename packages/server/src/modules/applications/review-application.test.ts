import { type Application, applicationContentSchema, type Role, type Scope } from "@luoshu/domain";
import { describe, expect, it } from "vitest";
import { callerContext, fakeTransactor } from "../../test/fakes.ts";
import { softScienceGuide } from "../../test/guide-fixtures.ts";
import { type ReviewDecision, reviewApplication } from "./review-application.ts";

const now = new Date("2026-03-02T02:00:00Z");
const piUserId = "00000000-0000-4000-8000-00000000000b";
const unitAdminId = "00000000-0000-4000-8000-00000000000c";

const guide = softScienceGuide(
  "published",
  {
    formalChecklist: [
      { code: "complete", textZh: "申报书各部分填写完整" },
      { code: "commitment", textZh: "承诺书已签字盖章并上传" },
    ],
    districtQuota: 2,
  },
  now,
);

const application = (over: Partial<Application> = {}): Application => ({
  id: "00000000-0000-4000-8000-0000000000a1",
  cityId: "luoyang",
  callId: "00000000-0000-4000-8000-0000000000c1",
  guideId: guide.id,
  unitId: "00000000-0000-4000-8000-0000000000b1",
  districtCode: "410305",
  piUserId,
  createdBy: unitAdminId,
  status: "submitted",
  title: "洛阳都市圈创新生态研究",
  requestedFen: 2_500_000,
  content: applicationContentSchema.parse({}),
  revision: 1,
  commitment: { piConfirmedAt: now.toISOString(), unitConfirmedAt: now.toISOString() },
  districtRank: null,
  returnDeadline: null,
  policyVersion: "2025",
  numberProgram: guide.program,
  numberYear: 2026,
  numberSeq: 1,
  createdAt: now,
  updatedAt: now,
  submittedAt: now,
  ...over,
});

/** The repositories the review names, recording every call; `recommended` is the district's count so far. */
function fakeRepos(a: Application, recommended = 0) {
  const calls = {
    updates: [] as Partial<Application>[],
    events: [] as Record<string, unknown>[],
    removed: [] as string[],
    notified: [] as { cityId: string; userIds: string[]; n: Record<string, unknown> }[],
    counted: [] as string[][],
    lockedGuides: [] as string[],
  };
  const repos = {
    applications: {
      lock: async (_scope: Scope, id: string) => (id === a.id ? structuredClone(a) : undefined),
      update: async (_a: Pick<Application, "cityId" | "id">, values: Partial<Application>) => {
        calls.updates.push(values);
      },
      insertEvent: async (_a: Pick<Application, "cityId" | "id">, e: Record<string, unknown>) => {
        calls.events.push(e);
      },
      countRecommended: async (cityId: string, guideId: string, districtCode: string) => {
        calls.counted.push([cityId, guideId, districtCode]);
        return recommended;
      },
      removeAttachment: async (_a: Pick<Application, "cityId" | "id">, code: string) => {
        calls.removed.push(code);
      },
    },
    guides: {
      find: async (_scope: Scope, id: string) =>
        id === guide.id ? { guide, calls: [], plannedElsewhere: 0 } : undefined,
      lock: async (_scope: Scope, id: string) => {
        calls.lockedGuides.push(id);
        return id === guide.id ? { guide, calls: [], plannedElsewhere: 0 } : undefined;
      },
    },
    notifications: {
      notifyApplicant: async (a: { cityId: string }, n: Record<string, unknown>) => {
        calls.notified.push({ cityId: a.cityId, userIds: ["applicant"], n });
      },
      notifyQueue: async (cityId: string, n: { role: string }) => {
        calls.notified.push({ cityId, userIds: [n.role], n });
      },
    },
  };
  const tx = fakeTransactor(repos);
  const wrote = () =>
    calls.updates.length + calls.events.length + calls.removed.length + calls.notified.length;
  // What the use case reads back once it has written: the application with the updates applied.
  const reads = {
    applications: {
      find: async (_scope: Scope, id: string) =>
        id === a.id ? Object.assign(structuredClone(a), ...calls.updates) : undefined,
    },
    guides: { findCall: async () => undefined },
    units: { find: async () => undefined },
  };
  return { tx, reads, calls, wrote };
}

const district = callerContext(
  ["districtOfficer"],
  { kind: "district", cityId: "luoyang", districtCode: "410305" },
  { districtCode: "410305" },
  now,
);
const agency = callerContext(["agencyOfficer"], { kind: "city", cityId: "luoyang" }, {}, now);
const as = (roles: Role[]) => callerContext(roles, { kind: "city", cityId: "luoyang" }, {}, now);

const review = (f: ReturnType<typeof fakeRepos>, ctx: typeof district, decision: ReviewDecision) =>
  reviewApplication({ tx: f.tx, repos: f.reads }, { ctx, id: application().id, decision });

describe("review an application (use case, with fakes)", () => {
  it("recommends within the guide's quota, recording rank, event, notification and audit", async () => {
    const f = fakeRepos(application(), 1);
    const out = await review(f, district, { event: "recommend", rank: 2, reason: "推荐" });
    expect(out.application.status).toBe("recommended");
    expect(f.calls.counted).toEqual([["luoyang", guide.id, "410305"]]);
    // The quota is counted under the guide's row lock, so concurrent recommendations queue.
    expect(f.calls.lockedGuides).toEqual([guide.id]);
    expect(f.calls.updates).toEqual([{ status: "recommended", updatedAt: now, districtRank: 2 }]);
    expect(f.calls.events).toEqual([
      {
        event: "recommend",
        fromState: "submitted",
        toState: "recommended",
        revision: 1,
        actorId: district.actor.userId,
        actorRole: "districtOfficer",
        reason: "推荐",
        details: { rank: 2 },
        at: now,
      },
    ]);
    expect(f.calls.notified).toEqual([
      {
        cityId: "luoyang",
        userIds: ["applicant"],
        n: expect.objectContaining({ link: `/applications/${application().id}`, createdAt: now }),
      },
      {
        cityId: "luoyang",
        userIds: ["agencyOfficer"],
        n: expect.objectContaining({ role: "agencyOfficer", districtCode: null }),
      },
    ]);
    expect(f.calls.removed).toEqual([]);
    expect(f.tx.audits).toEqual([
      {
        action: "application.recommend",
        entityType: "application",
        entityId: application().id,
        cityId: "luoyang",
        before: { status: "submitted" },
        after: { status: "recommended", reason: "推荐" },
      },
    ]);
  });

  it("refuses a recommendation over the district's quota and writes nothing", async () => {
    const f = fakeRepos(application(), 2);
    const error = review(f, district, { event: "recommend", rank: 3 });
    await expect(error).rejects.toMatchObject({
      code: "DISTRICT_QUOTA_FULL",
      setting: "guide",
      clause: undefined,
    });
    expect(f.wrote()).toBe(0);
    expect(f.tx.audits).toEqual([]);
  });

  it("returns an application: the signed scan goes, the next revision opens, the deadline is set", async () => {
    const f = fakeRepos(application({ revision: 3 }));
    const deadline = "2026-03-16T09:00:00.000Z";
    const out = await review(f, district, { event: "districtReturn", reason: "预算说明不足", deadline });
    expect(out.application.status).toBe("districtReturned");
    expect(f.calls.removed).toEqual(["commitmentScan"]);
    expect(f.calls.updates).toEqual([
      {
        status: "districtReturned",
        updatedAt: now,
        returnDeadline: new Date(deadline),
        revision: 4,
        commitment: {},
      },
    ]);
    // The event belongs to the revision that was judged, not the one opened for editing.
    expect(f.calls.events[0]).toMatchObject({
      event: "districtReturn",
      revision: 3,
      reason: "预算说明不足",
      details: { deadline },
    });
    expect(f.tx.audits).toEqual([
      expect.objectContaining({
        action: "application.districtReturn",
        after: { status: "districtReturned", reason: "预算说明不足" },
      }),
    ]);
  });

  it("refuses a return without a reason or with a deadline already past", async () => {
    const f = fakeRepos(application());
    const past = new Date(now.getTime() - 1000).toISOString();
    const noReason = review(f, district, { event: "districtReturn", reason: " ", deadline: past });
    await expect(noReason).rejects.toMatchObject({ code: "VALIDATION", path: "reason" });
    const late = review(f, district, { event: "districtReturn", reason: "请补充", deadline: past });
    await expect(late).rejects.toMatchObject({ code: "VALIDATION", path: "deadline" });
    expect(f.wrote()).toBe(0);
  });

  it("passes the formal check only when every checklist item is checked and ok", async () => {
    const recommended = application({ status: "recommended", districtRank: 1 });
    const checks = [
      [{ code: "complete", ok: true }],
      [
        { code: "complete", ok: true },
        { code: "commitment", ok: false, note: "未盖章" },
      ],
    ];
    for (const checklist of checks) {
      const f = fakeRepos(recommended);
      const refused = review(f, agency, { event: "formalPass", checklist });
      await expect(refused).rejects.toMatchObject({ code: "VALIDATION", path: "checklist" });
      expect(f.wrote()).toBe(0);
      expect(f.tx.audits).toEqual([]);
    }
    const f = fakeRepos(recommended);
    const checklist = [
      { code: "complete", ok: true },
      { code: "commitment", ok: true },
    ];
    expect((await review(f, agency, { event: "formalPass", checklist })).application.status).toBe(
      "formalPassed",
    );
    expect(f.calls.events[0]).toMatchObject({ event: "formalPass", details: { checklist } });
  });

  it("refuses a role without the transition as FORBIDDEN, and an unseen application as NOT_FOUND", async () => {
    const cases: [ReturnType<typeof as>, ReviewDecision][] = [
      [as(["programOfficer"]), { event: "recommend", rank: 1 }],
      [agency, { event: "recommend", rank: 1 }],
      [as(["bureauLeader"]), { event: "districtReject", reason: "不符合" }],
      [
        as(["principalInvestigator"]),
        { event: "districtReturn", reason: "请补充", deadline: "2026-04-01T00:00:00Z" },
      ],
    ];
    for (const [ctx, decision] of cases) {
      const f = fakeRepos(application());
      await expect(review(f, ctx, decision)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(f.wrote()).toBe(0);
      expect(f.tx.audits).toEqual([]);
    }
    const f = fakeRepos(application());
    const missing = reviewApplication(
      { tx: f.tx, repos: f.reads },
      {
        ctx: district,
        id: "00000000-0000-4000-8000-0000000000a9",
        decision: { event: "recommend", rank: 1 },
      },
    );
    await expect(missing).rejects.toMatchObject({ code: "NOT_FOUND" });
    const again = review(fakeRepos(application({ status: "recommended" })), district, {
      event: "recommend",
      rank: 1,
    });
    await expect(again).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });
});
