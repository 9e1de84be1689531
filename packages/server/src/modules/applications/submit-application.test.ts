import crypto from "node:crypto";
import {
  type Application,
  type ApplicationState,
  applicationContentSchema,
  birthDateOfResidentId,
  type IntegrityRecordFacts,
  makeResidentId,
  maskResidentId,
} from "@luoshu/domain";
import { describe, expect, it } from "vitest";
import { readPolicies } from "../../lib/policy-files.ts";
import { FieldCipher } from "../../lib/sm-crypto.ts";
import { statusOf } from "../../plugins/error-codes.ts";
import { callerContext } from "../../test/fakes.ts";
import { softScienceContent } from "../../test/guide-fixtures.ts";
import { policiesDir } from "../../test/test-app.ts";
import type { SubmissionFacts, SubmissionsRepository } from "./submissions-sql.ts";
import { submitApplication } from "./submit-application.ts";

const policies = readPolicies(policiesDir);
const cipher = new FieldCipher(crypto.randomBytes(16));
const unitId = "00000000-0000-4000-8000-0000000000b1";
const piUserId = "00000000-0000-4000-8000-00000000000a";
const now = new Date("2026-03-02T02:00:00Z");
const opensAt = new Date("2026-03-01T00:00:00+08:00");
const closesAt = new Date("2026-05-31T17:00:00+08:00");
const piNumber = makeResidentId("41030519860312001");
const piCipher = cipher.encrypt(piNumber);

const guide = softScienceContent({ districtQuota: 5 });

/** A PI as stored; `digest: false` is a member saved before members carried their digest. */
const storedPi = (digest = true) => ({
  name: "周博",
  role: "pi",
  title: "研究员",
  unitName: "洛阳示范轴承科技有限公司",
  workMonths: 6,
  idNumberCipher: piCipher,
  ...(digest ? { idNumberDigest: cipher.digest(piNumber) } : {}),
  idNumberMasked: maskResidentId(piNumber),
  idNumberValid: true,
  birthDate: birthDateOfResidentId(piNumber),
});

const content = (digest = true) =>
  applicationContentSchema.parse({
    basic: {
      title: "洛阳都市圈创新生态研究",
      abstract: "研究洛阳都市圈创新生态建设路径。",
      field: "policyRegulation",
      startDate: "2026-04-01",
      endDate: "2027-03-31",
    },
    content: { researchContent: "一、现状评估；二、对策建议。" },
    targets: [{ kind: "other", description: "研究报告", value: 1, unit: "份" }],
    milestones: [{ dueDate: "2026-10-01", description: "完成中期报告", deliverable: "中期报告" }],
    team: [storedPi(digest)],
    budget: {
      lines: [
        { category: "publicationIp", amountFen: 1_500_000 },
        { category: "travelMeetings", amountFen: 1_000_000 },
      ],
    },
  });

const application = (over: Partial<Application> = {}): Application => ({
  id: "00000000-0000-4000-8000-0000000000a1",
  cityId: "luoyang",
  callId: "00000000-0000-4000-8000-0000000000c1",
  guideId: "00000000-0000-4000-8000-0000000000d1",
  unitId,
  districtCode: "410305",
  piUserId,
  createdBy: piUserId,
  status: "draft",
  title: "洛阳都市圈创新生态研究",
  requestedFen: 2_500_000,
  content: content(),
  revision: 1,
  commitment: {
    piConfirmedAt: now.toISOString(),
    piConfirmedBy: piUserId,
    unitConfirmedAt: now.toISOString(),
    unitConfirmedBy: "00000000-0000-4000-8000-0000000000aa",
  },
  districtRank: null,
  returnDeadline: null,
  policyVersion: "2025",
  numberProgram: "softScience",
  numberYear: 2026,
  numberSeq: 1,
  createdAt: now,
  updatedAt: now,
  submittedAt: null,
  ...over,
});

const scan = {
  code: "commitmentScan",
  fileName: "承诺书.pdf",
  sha256: "ab".repeat(32),
  size: 64,
  mime: "application/pdf",
};

const facts = (over: Partial<SubmissionFacts> = {}): SubmissionFacts => ({
  application: application(),
  rowVersion: "1001",
  call: { opensAt, closesAt },
  unit: { kind: "enterprise", districtCode: "410305", nameZh: "洛阳示范轴承科技有限公司" },
  guide,
  guideStatus: "published",
  piDigest: null,
  attachments: [scan],
  integrity: [],
  ...over,
});

type Write = Parameters<SubmissionsRepository["write"]>[0];

/** readFacts answers `found`; each write answers the next of `results` (then true). */
function fakeRepos(
  found: SubmissionFacts | undefined,
  results: boolean[] = [],
  records: IntegrityRecordFacts[] = [],
) {
  const writes: Write[] = [];
  const lookups: { cityId: string; unitId: string; digests: string[] }[] = [];
  let reads = 0;
  const submissions: SubmissionsRepository = {
    async readFacts() {
      reads++;
      return found && structuredClone(found);
    },
    async write(w) {
      writes.push(w);
      return results.shift() ?? true;
    },
  };
  const integrity = {
    async recordsFor(cityId: string, unit: string, digests: string[]) {
      lookups.push({ cityId, unitId: unit, digests });
      return records;
    },
  };
  return { repos: { submissions, integrity }, writes, lookups, reads: () => reads };
}

const pi = (at = now) =>
  callerContext(
    ["principalInvestigator"],
    { kind: "unit", cityId: "luoyang", unitId },
    { userId: piUserId, unitId, districtCode: "410305" },
    at,
  );

const submit = (f: ReturnType<typeof fakeRepos>, ctx = pi()) =>
  submitApplication({ repos: f.repos, cipher, policies }, { ctx, id: application().id });

const codesOf = (e: unknown) =>
  ((e as { details?: { violations?: { code: string }[] } }).details?.violations ?? []).map((v) => v.code);

describe("submit an application (use case, with fakes)", () => {
  it("reports every gate at once, the first as the error, and writes nothing", async () => {
    const f = fakeRepos(
      facts({ application: application({ commitment: { piConfirmedAt: now.toISOString() } }) }),
    );
    const late = new Date(closesAt.getTime() + 60_000);
    const error = await submit(f, pi(late)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SUBMIT_WINDOW_CLOSED" });
    expect(codesOf(error)).toEqual(["SUBMIT_WINDOW_CLOSED", "SUBMIT_COMMITMENT_MISSING"]);
    const violations = (error as { details: { violations: { code: string; clause?: string }[] } }).details
      .violations;
    expect(violations[1]).toMatchObject({ clause: "LY-FUNDS §24", path: "commitment" });
    expect(f.writes).toEqual([]);
  });

  it("refuses a missing signed scan and an incomplete draft together", async () => {
    const draft = application({ content: { ...content(), targets: [] } });
    const f = fakeRepos(facts({ application: draft, attachments: [] }));
    const error = await submit(f).catch((e: unknown) => e);
    expect(codesOf(error)).toEqual(["SUBMIT_INCOMPLETE", "SUBMIT_COMMITMENT_MISSING"]);
    expect(f.writes).toEqual([]);
  });

  it("writes a passing draft once: submit from draft to submitted, with its audit entry", async () => {
    const f = fakeRepos(facts());
    const out = await submit(f);
    expect(f.writes).toHaveLength(1);
    const [w] = f.writes;
    expect(w).toMatchObject({
      cityId: "luoyang",
      applicationId: application().id,
      rowVersion: "1001",
      revision: 1,
      event: "submit",
      fromState: "draft",
      toState: "submitted",
      at: now,
      actor: { actorId: piUserId, actorUsername: "tester", actorRole: "principalInvestigator", ip: null },
      audit: {
        action: "application.submit",
        entityType: "application",
        entityId: application().id,
        cityId: "luoyang",
        before: { status: "draft" },
        after: { status: "submitted", revision: 1 },
      },
    });
    expect(w?.snapshot).toEqual({
      content: application().content,
      attachments: [scan],
      commitment: application().commitment,
    });
    expect(w?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(out.application).toMatchObject({ status: "submitted", submittedAt: now, returnDeadline: null });
    expect(out.callOpensAt).toEqual(opensAt);
    // Every team member carries its digest: the records read with the facts are enough.
    expect(f.lookups).toEqual([]);
  });

  it("sends a draft straight to the formal check when its guide skips the district review", async () => {
    const f = fakeRepos(facts({ guide: { ...guide, districtReview: false } }));
    const out = await submit(f);
    expect(f.writes[0]).toMatchObject({
      event: "submitToBureau",
      fromState: "draft",
      toState: "recommended",
      audit: { action: "application.submitToBureau", after: { status: "recommended", revision: 1 } },
    });
    expect(out.application.status).toBe("recommended");
  });

  it("judges again when the write misses, and gives up with CONFLICT after the third miss", async () => {
    const twice = fakeRepos(facts(), [false, false]);
    expect((await submit(twice)).application.status).toBe("submitted");
    expect(twice.writes).toHaveLength(3);
    expect(twice.reads()).toBe(3);

    const never = fakeRepos(facts(), [false, false, false]);
    await expect(submit(never)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(statusOf("CONFLICT")).toBe(409);
    expect(never.writes).toHaveLength(3);
    expect(never.reads()).toBe(3);
  });

  it("answers an application outside the caller's view as not found", async () => {
    const f = fakeRepos(undefined);
    await expect(submit(f)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(f.writes).toEqual([]);
  });

  it("refuses a second submission as an invalid transition", async () => {
    for (const status of ["submitted", "recommended", "formalPassed"] as ApplicationState[]) {
      const f = fakeRepos(facts({ application: application({ status }) }));
      await expect(submit(f)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
      expect(f.writes).toEqual([]);
    }
  });

  it("refuses a role that may not submit", async () => {
    const f = fakeRepos(facts());
    const officer = callerContext(["programOfficer"], { kind: "city", cityId: "luoyang" });
    await expect(submit(f, officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(f.writes).toEqual([]);
  });

  it("resubmits a district-returned application to the district as the next revision", async () => {
    const returned = application({
      status: "districtReturned",
      revision: 2,
      returnDeadline: new Date("2026-03-20T00:00:00Z"),
    });
    const f = fakeRepos(facts({ application: returned }));
    const out = await submit(f);
    expect(f.writes[0]).toMatchObject({
      event: "resubmitToDistrict",
      fromState: "districtReturned",
      toState: "submitted",
      revision: 2,
      audit: { action: "application.resubmitToDistrict", after: { status: "submitted", revision: 2 } },
    });
    expect(out.application).toMatchObject({ status: "submitted", returnDeadline: null });
  });

  it("finds a ban on the PI of a draft saved before digests by decrypting the number", async () => {
    const ban: IntegrityRecordFacts = {
      subject: "person",
      kind: "eligibilityBan",
      from: "2026-01-01",
      until: "2028-01-01",
      clause: "LY-FUNDS §25",
    };
    const old = application({ content: content(false) });
    expect(old.content.team[0]?.idNumberDigest).toBeNull();
    const f = fakeRepos(facts({ application: old, piDigest: "digest-of-account" }), [], [ban]);
    const error = await submit(f).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SUBMIT_PI_BANNED", clause: "LY-FUNDS §25" });
    expect(f.lookups).toEqual([
      { cityId: "luoyang", unitId, digests: [cipher.digest(piNumber), "digest-of-account"] },
    ]);
    expect(f.writes).toEqual([]);
  });
});
