import { chinaDateOf } from "@luoshu/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../db/seed/demo-review.ts";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { createRepositories } from "../../repositories.ts";
import { insertedProject, scanUpload, signedTaskBook, whoIs } from "../../test/project-fixtures.ts";
import { type Client, createTestApp, type TestApp } from "../../test/test-app.ts";
import { checkLedger } from "../ledger/check-ledger.ts";
import { ledgerRepository } from "../ledger/ledger.repository.ts";
import { projectLifeRepository } from "./project-life.repository.ts";

// Trying to break the project-life slice (DT-RULES §20–22, LY-FUNDS §25): every role against every
// route, two people pressing buttons at once, amounts and dates no form would send, and the audit
// trail and the ledger after all of it. Datong projects of the demo unit (平城区) and its PI,
// ¥500,000 each, one node paid once signed; Luoyang projects of its demo enterprise, ¥1,000,000.
//   matrix       paid, an interview recorded, then revoked: every role tries every route on it
//   twoRevokes   paid: revoked twice at once, then two returns that together exceed what is due
//   revokeVsEnd  paid, the unit's termination waiting: revoked while the bureau approves it
//   liftRace     signed: a payment suspension lifted twice at once
//   unpaidEnd    signed, never paid: terminated, so nothing is due back
//   open         paid and left open: returns refused, odd amounts and dates, one-off measures
//   overspent    paid: terminated with more spent than paid (nothing due)
//   noBook       no task book: revoked, then a task book must not be drawn for it
//   unsignedBook task book confirmed, not signed: terminated, then its signing must commit nothing
//   paidHeld     paid this morning, then suspended from yesterday: the ledger still verifies
//   lyRace       Luoyang, signed: a termination as a measure racing a revocation
//   lyBan        Luoyang: eligibility bans, one already over, one lifted while its record is lifted
// The tests run in order on one database.

let t: TestApp;
let as: (u: string) => Promise<Client>;
const ids = {
  matrix: "",
  twoRevokes: "",
  revokeVsEnd: "",
  liftRace: "",
  unpaidEnd: "",
  open: "",
  overspent: "",
  noBook: "",
  unsignedBook: "",
  paidHeld: "",
  lyRace: "",
  lyBan: "",
};
type Key = keyof typeof ids;
const numbers: Record<Key, string> = {
  matrix: "DT-2026-ZD-701",
  twoRevokes: "DT-2026-ZD-702",
  revokeVsEnd: "DT-2026-ZD-703",
  liftRace: "DT-2026-ZD-704",
  unpaidEnd: "DT-2026-ZD-705",
  open: "DT-2026-ZD-706",
  overspent: "DT-2026-ZD-707",
  noBook: "DT-2026-ZD-708",
  unsignedBook: "DT-2026-ZD-709",
  paidHeld: "DT-2026-ZD-710",
  lyRace: "LY-2026-ZX-701",
  lyBan: "LY-2026-ZX-702",
};
const datongKeys = Object.keys(ids).filter((k) => !k.startsWith("ly")) as Key[];
/** Ids found along the way: the matrix project's interview and its lifted blacklist record. */
const found = { matrixInterview: "", matrixRecord: "", liftRaceSuspension: "", lyBanSanction: "" };

const today = () => chinaDateOf(t.clock.now());
const keyed = (c: Client, url: string, body: object, key: string) =>
  c.request("POST", url, body, { "idempotency-key": key });
const detail = async (id: string, u = "dt-officer") => (await (await as(u)).get(`/api/projects/${id}`)).body;
const revocation = { ground: "taskBookBreach", reason: "未按计划任务书约定实施，擅自变更研究内容。" };
const termination = {
  ground: "forceMajeure",
  reason: "实施地发生严重地质灾害，试验场地无法使用。",
  spentFen: 10_000_000,
};
const interview = {
  kind: "interview",
  authority: "scienceBureau",
  fromDate: "2026-03-02",
  untilDate: null,
  reason: "中期检查发现资金使用不规范，约谈单位负责人。",
};
const suspension = (fromDate: string, untilDate: string | null = null) => ({
  kind: "paymentSuspension",
  authority: "scienceBureau",
  fromDate,
  untilDate,
  reason: "资金使用存在违规，暂停拨款待整改。",
});

/** Prepares, approves (finance) and pays a Datong project's one node. */
async function payNode(id: string, key: string) {
  const prepared = await keyed(
    await as("dt-officer"),
    `/api/projects/${id}/payments`,
    { node: "lumpSum" },
    `${key}-prep`,
  );
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
  const approved = await (await as("dt-finance")).post(
    `/api/payments/${prepared.body.id}/events/approve`,
    {},
  );
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  const paid = await keyed(
    await as("dt-officer"),
    `/api/payments/${prepared.body.id}/events/pay`,
    { treasuryRef: `GK-${key}` },
    `${key}-pay`,
  );
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
}

/** Every city's ledger checked as `npm run ledger:verify` checks it: the findings, none expected. */
async function ledgerFindings() {
  const reports = await checkLedger(createRepositories(t.database.db, t.auditKeys));
  return reports.flatMap((r) => r.findings.map((f) => ({ city: r.cityId, ...f })));
}

/** The integrity records a project's number appears in, as its city's officer reads them. */
async function recordsOf(key: Key) {
  const officer = await as(key.startsWith("ly") ? "ly-officer" : "dt-officer");
  const all = (await officer.get("/api/integrity-records")).body as {
    id: string;
    subject: string;
    reason: string;
    inForce: boolean;
    originId: string | null;
    lifted: unknown;
    blocksApplications: boolean;
  }[];
  return all.filter((r) => r.reason.includes(numbers[key]));
}

const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();

beforeAll(async () => {
  t = await createTestApp();
  as = oneSessionEach((u) => t.as(u));
  // a district officer of another Datong district (云冈区): opened by sysadmin, its role granted by secadmin
  const opened = await (await as("sysadmin")).post("/api/users", {
    username: "dt-district2",
    displayName: "云冈区科技 冯立",
    password: "Yungang#2026a",
    cityCode: "datong",
    districtCode: "140214",
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const granted = await (await as("secadmin")).put(`/api/users/${opened.body.id}/roles`, {
    roles: ["districtOfficer"],
  });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  const district2 = await t.firstLogin("dt-district2", "Yungang#2026a");
  const plain = as;
  as = (u) => (u === "dt-district2" ? Promise.resolve(district2) : plain(u));

  for (const [city, finance, doc] of [
    ["dt", "dt-finance", "同财教〔2026〕17号"],
    ["ly", "ly-finance", "洛财预〔2026〕17号"],
  ] as const) {
    const set = await (await as(finance)).put("/api/budget/control-numbers/2026", {
      amountFen: 1_000_000_000,
      docNumber: doc,
    });
    expect(set.status, `${city}: ${JSON.stringify(set.body)}`).toBe(200);
  }
  const people = {
    dt: { unit: await whoIs(await as("dt-unit")), pi: await whoIs(await as("dt-pi")) },
    ly: { unit: await whoIs(await as("ly-unit")), pi: await whoIs(await as("ly-pi")) },
  };
  for (const key of Object.keys(ids) as Key[]) {
    const ly = key.startsWith("ly");
    const who = ly ? people.ly : people.dt;
    ids[key] = await insertedProject(t, {
      cityId: ly ? "luoyang" : "datong",
      number: numbers[key],
      program: ly ? "majorInnovation" : "keyRnd",
      title: `生命周期破坏性测试 ${key}`,
      amountFen: ly ? 100_000_000 : 50_000_000,
      unitId: who.unit.unitId ?? "",
      piUserId: who.pi.userId,
    });
  }
  for (const key of datongKeys.filter((k) => k !== "noBook" && k !== "unsignedBook"))
    await signedTaskBook(await as("dt-officer"), await as("dt-unit"), ids[key], today());
  await signedTaskBook(await as("ly-officer"), await as("ly-unit"), ids.lyRace, today());
  // drawn and confirmed by both sides, never signed
  expect((await (await as("dt-officer")).post(`/api/projects/${ids.unsignedBook}/task-book`)).status).toBe(
    201,
  );
  expect(
    (await (await as("dt-unit")).post(`/api/projects/${ids.unsignedBook}/task-book/events/confirmUnit`))
      .status,
  ).toBe(200);
  expect(
    (await (await as("dt-officer")).post(`/api/projects/${ids.unsignedBook}/task-book/events/confirmBureau`))
      .status,
  ).toBe(200);
  for (const key of ["matrix", "twoRevokes", "revokeVsEnd", "open", "overspent", "paidHeld"] as const)
    await payNode(ids[key], key);

  // the matrix project: an interview recorded, then revoked, its unit's blacklist record lifted once
  const officer = await as("dt-officer");
  const talked = await officer.post(`/api/projects/${ids.matrix}/sanctions`, interview);
  expect(talked.status, JSON.stringify(talked.body)).toBe(201);
  found.matrixInterview = talked.body.life.sanctions[0].id;
  const revoked = await officer.post(`/api/projects/${ids.matrix}/revocation`, revocation);
  expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
  const unitRecord = (await recordsOf("matrix")).find((r) => r.subject === "unit");
  if (!unitRecord) throw new Error("the matrix project's unit is not on the blacklist");
  found.matrixRecord = unitRecord.id;
  const lifted = await officer.post(`/api/integrity-records/${unitRecord.id}/lift`, {
    reason: "经复核，单位已退回全部资金。",
  });
  expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
  // a termination waiting for the bureau's decision, for the race below and the waiting list
  const applied = await (await as("dt-unit")).post(
    `/api/projects/${ids.revokeVsEnd}/termination`,
    termination,
  );
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
}, 300_000);
afterAll(() => t.close());

describe("every role against every route (403 without the permission, 404 outside the scope)", () => {
  // The matrix project is the demo unit's (平城区), revoked: whoever gets past the permission and
  // the scope meets a rule about the closed project (422), a conflict (409) or the answer (200).
  const everyone = [
    "dt-officer",
    "dt-leader",
    "dt-finance",
    "dt-district",
    "dt-district2",
    "dt-agency",
    "dt-unit",
    "dt-unit2",
    "dt-pi",
    "dt-expert",
    "dt-fund",
    "sysadmin",
    "secadmin",
    "auditor",
    "ly-officer",
    "ly-leader",
    "ly-finance",
    "ly-district",
    "ly-unit",
    "ly-pi",
    "ly-lab",
  ];
  const routes: {
    name: string;
    call: (c: Client) => ReturnType<Client["request"]>;
    allowed: Record<string, [number, string | null]>;
  }[] = [
    {
      name: "apply for termination",
      call: (c) => c.post(`/api/projects/${ids.matrix}/termination`, termination),
      allowed: {
        "dt-unit": [422, "PROJECT_CLOSED"],
        "dt-unit2": [404, "NOT_FOUND"],
        "ly-unit": [404, "NOT_FOUND"],
      },
    },
    {
      name: "decide a termination",
      call: (c) => c.post(`/api/projects/${ids.matrix}/termination/events/approve`, { note: "同意终止。" }),
      allowed: { "dt-officer": [422, "PROJECT_CLOSED"], "ly-officer": [404, "NOT_FOUND"] },
    },
    {
      name: "revoke",
      call: (c) => c.post(`/api/projects/${ids.matrix}/revocation`, revocation),
      allowed: { "dt-officer": [422, "PROJECT_CLOSED"], "ly-officer": [404, "NOT_FOUND"] },
    },
    {
      name: "record a return",
      call: (c) =>
        keyed(
          c,
          `/api/projects/${ids.matrix}/returns`,
          { amountFen: 10_000_000_000_000, reference: "GK-MATRIX" },
          `matrix-${c.me.username}`,
        ),
      allowed: { "dt-officer": [422, "CLOSURE_OVER_DUE"], "ly-officer": [404, "NOT_FOUND"] },
    },
    {
      name: "impose a sanction",
      call: (c) => c.post(`/api/projects/${ids.matrix}/sanctions`, interview),
      allowed: {
        "dt-officer": [422, "PROJECT_CLOSED"],
        // finance may impose where its city lets it, never in the S&T bureau's name
        "dt-finance": [403, "FORBIDDEN"],
        "ly-officer": [404, "NOT_FOUND"],
        "ly-finance": [404, "NOT_FOUND"],
      },
    },
    {
      name: "lift a sanction",
      call: (c) =>
        c.post(`/api/projects/${ids.matrix}/sanctions/${found.matrixInterview}/lift`, { reason: "已整改" }),
      allowed: {
        "dt-officer": [422, "INVALID_TRANSITION"],
        "dt-finance": [403, "FORBIDDEN"],
        "ly-officer": [404, "NOT_FOUND"],
        "ly-finance": [404, "NOT_FOUND"],
      },
    },
    {
      name: "list the terminations waiting",
      call: (c) => c.get("/api/project-closures"),
      allowed: { "dt-officer": [200, null], "ly-officer": [200, null] },
    },
    {
      name: "lift an integrity record",
      call: (c) => c.post(`/api/integrity-records/${found.matrixRecord}/lift`, { reason: "再次解除" }),
      allowed: { "dt-officer": [409, "CONFLICT"], "ly-officer": [404, "NOT_FOUND"] },
    },
  ];

  for (const route of routes) {
    it(`${route.name}: only the role that may, in its scope`, async () => {
      const got: Record<string, [number, string | null]> = {};
      const want: Record<string, [number, string | null]> = {};
      for (const u of everyone) {
        const res = await route.call(await as(u));
        got[u] = [res.status, res.status === 200 ? null : (res.body?.code ?? null)];
        want[u] = route.allowed[u] ?? [403, "FORBIDDEN"];
      }
      expect(got).toEqual(want);
    });
  }

  it("shows each city's officer only its own city's terminations waiting", async () => {
    const dt = (await (await as("dt-officer")).get("/api/project-closures")).body;
    expect(dt.items.map((x: { projectId: string }) => x.projectId)).toEqual([ids.revokeVsEnd]);
    const ly = (await (await as("ly-officer")).get("/api/project-closures")).body;
    expect(ly).toEqual({ items: [], total: 0 });
  });

  it("answers another city's officer 404 on a Luoyang project's every change, too", async () => {
    const officer = await as("dt-officer");
    const got = [
      await officer.post(`/api/projects/${ids.lyBan}/revocation`, revocation),
      await officer.post(`/api/projects/${ids.lyBan}/termination/events/refuse`, { note: "不同意。" }),
      await keyed(
        officer,
        `/api/projects/${ids.lyBan}/returns`,
        { amountFen: 1, reference: "GK-X" },
        "dt-on-ly-1",
      ),
      await officer.post(`/api/projects/${ids.lyBan}/sanctions`, interview),
    ].map((r) => [r.status, r.body.code]);
    expect(got).toEqual(Array(4).fill([404, "NOT_FOUND"]));
    // the project page tells nothing either
    expect((await officer.get(`/api/projects/${ids.lyBan}`)).status).toBe(404);
  });

  it("refuses ids that are not ids, and bodies with fields no form sends, as input errors", async () => {
    const officer = await as("dt-officer");
    const bad = [
      await officer.post("/api/projects/not-a-uuid/revocation", revocation),
      await officer.post(`/api/projects/${ids.open}/sanctions/not-a-uuid/lift`, { reason: "已整改" }),
      await officer.post(`/api/projects/${ids.open}/termination/events/explode`, { note: "同意终止。" }),
      await officer.post(`/api/projects/${ids.open}/revocation`, { ...revocation, dueFen: 0 }),
      await officer.post(`/api/projects/${ids.open}/revocation`, { ...revocation, ground: "forceMajeure" }),
      await officer.post(`/api/projects/${ids.open}/sanctions`, { ...interview, kind: "execution" }),
      await officer.post("/api/integrity-records/not-a-uuid/lift", { reason: "已整改" }),
      await officer.post(`/api/integrity-records/${found.matrixRecord}/lift`, { reason: " " }),
    ];
    expect(bad.map((r) => r.status)).toEqual(Array(bad.length).fill(400));
    expect((await detail(ids.open)).life.closedAs).toBeNull();
  });
});

describe("two people at once", () => {
  it("revokes once when two officers revoke together: one listing, the other told it is closed", async () => {
    const [a, b] = await Promise.all([
      (await as("dt-officer")).post(`/api/projects/${ids.twoRevokes}/revocation`, revocation),
      (await as("dt-officer")).post(`/api/projects/${ids.twoRevokes}/revocation`, revocation),
    ]);
    expect(statuses([a, b])).toEqual([201, 422]);
    expect([a, b].find((r) => r.status === 422)?.body.code).toBe("PROJECT_CLOSED");
    const p = await detail(ids.twoRevokes);
    expect(p.life.closures).toMatchObject([{ kind: "revocation", status: "decided", dueFen: 50_000_000 }]);
    // the unit and the PI listed once each, not twice
    expect((await recordsOf("twoRevokes")).map((r) => r.subject).sort()).toEqual(["person", "unit"]);
    expect(await ledgerFindings()).toEqual([]);
  });

  it("records one of two returns that together exceed what is due, the other refused with what is left", async () => {
    const officer = await as("dt-officer");
    const send = (key: string) =>
      keyed(
        officer,
        `/api/projects/${ids.twoRevokes}/returns`,
        { amountFen: 30_000_000, reference: `ZJ-${key}` },
        key,
      );
    const rs = await Promise.all([send("race-back-a"), send("race-back-b")]);
    expect(statuses(rs)).toEqual([201, 422]);
    const refused = rs.find((r) => r.status === 422);
    expect(refused?.body).toMatchObject({
      code: "CLOSURE_OVER_DUE",
      details: { outstandingFen: 20_000_000 },
    });
    const p = await detail(ids.twoRevokes);
    expect(p.life.closures[0]).toMatchObject({ settledFen: 30_000_000, outstandingFen: 20_000_000 });
    expect(p.money.returnedFen).toBe(30_000_000);
    // the winner's key replays it; the loser's key was never used and may carry the rest
    const winner = rs.find((r) => r.status === 201) === rs[0] ? "race-back-a" : "race-back-b";
    const loser = winner === "race-back-a" ? "race-back-b" : "race-back-a";
    expect((await send(winner)).status).toBe(201);
    expect((await detail(ids.twoRevokes)).money.returnedFen).toBe(30_000_000);
    const rest = await keyed(
      officer,
      `/api/projects/${ids.twoRevokes}/returns`,
      { amountFen: 20_000_000, reference: "ZJ-REST" },
      loser,
    );
    expect(rest.status, JSON.stringify(rest.body)).toBe(201);
    expect(rest.body.life.closures[0]).toMatchObject({ settledFen: 50_000_000, outstandingFen: 0 });
    expect(await ledgerFindings()).toEqual([]);
  });

  it("lets a revocation and a termination approval racing on one project end it once, consistently", async () => {
    const [revoked, approved] = await Promise.all([
      (await as("dt-officer")).post(`/api/projects/${ids.revokeVsEnd}/revocation`, revocation),
      (await as("dt-officer")).post(`/api/projects/${ids.revokeVsEnd}/termination/events/approve`, {
        note: "同意终止。",
      }),
    ]);
    const wins = [revoked, approved].filter((r) => r.status < 300);
    expect(wins).toHaveLength(1);
    const loser = revoked.status < 300 ? approved : revoked;
    expect([409, 422]).toContain(loser.status);
    expect(["PROJECT_CLOSED", "CONFLICT"]).toContain(loser.body.code);
    const p = await detail(ids.revokeVsEnd);
    const live = p.life.closures.filter((c: { status: string }) => c.status === "decided");
    expect(live).toHaveLength(1);
    if (revoked.status === 201) {
      expect(p.life.closedAs).toBe("revoked");
      expect(live[0]).toMatchObject({ kind: "revocation", dueFen: 50_000_000 });
      expect(p.life.closures.find((c: { kind: string }) => c.kind === "termination").status).toBe(
        "superseded",
      );
      expect(await recordsOf("revokeVsEnd")).toHaveLength(2);
    } else {
      expect(p.life.closedAs).toBe("terminated");
      expect(live[0]).toMatchObject({ kind: "termination", dueFen: 40_000_000 });
      expect(await recordsOf("revokeVsEnd")).toHaveLength(0);
    }
    expect(p.money).toMatchObject({ paidFen: 50_000_000, leftFen: 0 });
    expect(await ledgerFindings()).toEqual([]);
  });

  it("lets a termination as a measure and a revocation racing end a Luoyang project once, its commitment released once", async () => {
    const [ended, revoked] = await Promise.all([
      (await as("ly-officer")).post(`/api/projects/${ids.lyRace}/sanctions`, {
        kind: "termination",
        authority: "scienceBureau",
        fromDate: today(),
        untilDate: null,
        reason: "多次督促仍未按任务书实施。",
      }),
      (await as("ly-officer")).post(`/api/projects/${ids.lyRace}/revocation`, {
        ground: "fraud",
        reason: "申报材料中伪造合作协议。",
      }),
    ]);
    expect(statuses([ended, revoked])).toEqual([201, 422]);
    expect([ended, revoked].find((r) => r.status === 422)?.body.code).toBe("PROJECT_CLOSED");
    const p = await detail(ids.lyRace, "ly-officer");
    expect(p.life.closures.filter((c: { status: string }) => c.status === "decided")).toMatchObject([
      { releaseFen: 100_000_000, dueFen: 0 },
    ]);
    expect(p.money).toMatchObject({ committedFen: 0, paidFen: 0 });
    if (ended.status === 201) {
      expect(p.life.closedAs).toBe("terminated");
      expect(await recordsOf("lyRace")).toHaveLength(0);
    } else {
      expect(p.life.closedAs).toBe("revoked");
      // the refused measure left no sanction behind
      expect(p.life.sanctions).toEqual([]);
      expect(await recordsOf("lyRace")).toHaveLength(2);
    }
    const releases = (await ledgerRepository(t.database.db).postingsOfProject("luoyang", ids.lyRace)).filter(
      (x) => x.kind === "release",
    );
    expect(releases.map((x) => x.amountFen)).toEqual([100_000_000]);
    expect(await ledgerFindings()).toEqual([]);
  });

  it("lifts a payment suspension once when lifted twice at once; the second is a clear 409", async () => {
    const held = await (await as("dt-officer")).post(
      `/api/projects/${ids.liftRace}/sanctions`,
      suspension(today()),
    );
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    expect(held.body.life.suspended).toBe(true);
    found.liftRaceSuspension = held.body.life.sanctions[0].id;
    const lift = async () =>
      (await as("dt-officer")).post(
        `/api/projects/${ids.liftRace}/sanctions/${found.liftRaceSuspension}/lift`,
        {
          reason: "已完成整改，恢复拨款。",
        },
      );
    const rs = await Promise.all([lift(), lift()]);
    expect(statuses(rs)).toEqual([200, 409]);
    expect(rs.find((r) => r.status === 409)?.body.code).toBe("CONFLICT");
    const p = await detail(ids.liftRace);
    expect(p.life.suspended).toBe(false);
    expect(p.life.sanctions[0]).toMatchObject({ inForce: false, actions: [] });
    expect(await ledgerFindings()).toEqual([]);
  });

  it("lifts an integrity record once when lifted twice at once", async () => {
    const person = (await recordsOf("twoRevokes")).find((r) => r.subject === "person");
    if (!person) throw new Error("the PI is not on the blacklist");
    const lift = async () =>
      (await as("dt-officer")).post(`/api/integrity-records/${person.id}/lift`, {
        reason: "经复核，项目负责人已完成整改。",
      });
    const rs = await Promise.all([lift(), lift()]);
    expect(statuses(rs)).toEqual([200, 409]);
    expect(rs.find((r) => r.status === 409)?.body.code).toBe("CONFLICT");
  });

  it("lifts a Luoyang eligibility ban and one of its records at once without a 5xx, everything lifted after", async () => {
    const ban = await (await as("ly-officer")).post(`/api/projects/${ids.lyBan}/sanctions`, {
      kind: "eligibilityBan",
      authority: "scienceBureau",
      fromDate: today(),
      untilDate: "2028-03-01",
      reason: "预算编报中虚报设备购置费。",
    });
    expect(ban.status, JSON.stringify(ban.body)).toBe(201);
    found.lyBanSanction = ban.body.life.sanctions[0].id;
    const unit = (await recordsOf("lyBan")).find(
      (r) => r.subject === "unit" && r.originId === found.lyBanSanction,
    );
    if (!unit) throw new Error("the ban left no record of the unit");
    const [bySanction, byRecord] = await Promise.all([
      (await as("ly-officer")).post(`/api/projects/${ids.lyBan}/sanctions/${found.lyBanSanction}/lift`, {
        reason: "经复议撤销该处理决定。",
      }),
      (await as("ly-officer")).post(`/api/integrity-records/${unit.id}/lift`, { reason: "经复议解除。" }),
    ]);
    expect(bySanction.status, JSON.stringify(bySanction.body)).toBe(200);
    expect([200, 409]).toContain(byRecord.status);
    const records = (await recordsOf("lyBan")).filter((r) => r.originId === found.lyBanSanction);
    expect(records).toHaveLength(2);
    for (const r of records) expect(r).toMatchObject({ inForce: false, blocksApplications: false });
  });
});

describe("money no form would send", () => {
  const back = (key: Key, amountFen: unknown, idem: string, reference = "GK-BACK") =>
    as("dt-officer").then((c) =>
      keyed(c, `/api/projects/${ids[key]}/returns`, { amountFen, reference }, idem),
    );

  it("refuses a return on an open project: nothing is due on it", async () => {
    const res = await back("open", 1_000, "open-back-1");
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("INVALID_TRANSITION");
    expect((await detail(ids.open)).money.returnedFen).toBe(0);
  });

  it("refuses negative, nil, fractional, textual and huge amounts, a missing key or reference, as input", async () => {
    const amounts: unknown[] = [
      -1,
      0,
      1.5,
      0.01,
      "100",
      null,
      10_000_000_000_001,
      Number.MAX_SAFE_INTEGER,
      1e300,
      -0.5,
    ];
    for (const [i, amountFen] of amounts.entries()) {
      const res = await back("twoRevokes", amountFen, `odd-amount-${i}`);
      expect([res.status, res.body.code], String(amountFen)).toEqual([400, "VALIDATION"]);
    }
    const officer = await as("dt-officer");
    const noKey = await officer.post(`/api/projects/${ids.twoRevokes}/returns`, {
      amountFen: 1,
      reference: "GK-NOKEY",
    });
    expect(noKey.status).toBe(400);
    const noRef = await keyed(
      officer,
      `/api/projects/${ids.twoRevokes}/returns`,
      { amountFen: 1 },
      "no-ref-1",
    );
    expect(noRef.status).toBe(400);
    // an amount no treasury holds but the schema admits is a rule refusal, not a 5xx
    const most = await back("twoRevokes", 10_000_000_000_000, "most-back-1");
    expect([most.status, most.body.code]).toEqual([422, "CLOSURE_OVER_DUE"]);
    expect((await detail(ids.twoRevokes)).money.returnedFen).toBe(50_000_000);
  });

  it("refuses recovering more than was paid", async () => {
    // twoRevokes has had all its ¥500,000 recovered: one fen more is past what is due
    const over = await back("twoRevokes", 1, "recover-over-1");
    expect(over.body).toMatchObject({ code: "CLOSURE_OVER_DUE", details: { outstandingFen: 0 } });
    expect((await detail(ids.twoRevokes)).life.actions).not.toContain("recordReturn");
    expect(await ledgerFindings()).toEqual([]);
  });

  it("takes nothing back from a project terminated before any payment: its whole commitment released", async () => {
    const applied = await (await as("dt-unit")).post(`/api/projects/${ids.unpaidEnd}/termination`, {
      ...termination,
      spentFen: 0,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const approved = await (await as("dt-officer")).post(
      `/api/projects/${ids.unpaidEnd}/termination/events/approve`,
      { note: "同意终止。" },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.life.closures[0]).toMatchObject({ releaseFen: 50_000_000, dueFen: 0 });
    expect(approved.body.life.actions).not.toContain("recordReturn");
    const res = await back("unpaidEnd", 1, "nothing-due-1");
    expect(res.body).toMatchObject({ code: "CLOSURE_OVER_DUE", details: { outstandingFen: 0 } });
    expect(approved.body.money).toMatchObject({ committedFen: 0, paidFen: 0, returnedFen: 0 });
  });

  it("refuses a spent amount that is not a whole number of fen", async () => {
    for (const spentFen of [-1, 0.5, "1000", 10_000_000_000_001, null]) {
      const res = await (await as("dt-unit")).post(`/api/projects/${ids.overspent}/termination`, {
        ...termination,
        spentFen,
      });
      expect([res.status, res.body.code], String(spentFen)).toEqual([400, "VALIDATION"]);
    }
  });

  it("asks nothing back when the unit says it spent more than it was paid", async () => {
    const applied = await (await as("dt-unit")).post(`/api/projects/${ids.overspent}/termination`, {
      ...termination,
      spentFen: 10_000_000_000_000,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const approved = await (await as("dt-officer")).post(
      `/api/projects/${ids.overspent}/termination/events/approve`,
      { note: "同意终止。" },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.life.closures[0]).toMatchObject({
      status: "decided",
      spentFen: 10_000_000_000_000,
      releaseFen: 0,
      dueFen: 0,
      outstandingFen: 0,
    });
    expect(approved.body.life.actions).not.toContain("recordReturn");
    expect((await back("overspent", 1, "overspent-back-1")).body.code).toBe("CLOSURE_OVER_DUE");
    expect(await ledgerFindings()).toEqual([]);
  });

  it("revokes a project that has no task book: nothing released, nothing due, and no task book after", async () => {
    const officer = await as("dt-officer");
    const revoked = await officer.post(`/api/projects/${ids.noBook}/revocation`, revocation);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(201);
    expect(revoked.body.life.closures[0]).toMatchObject({ releaseFen: 0, dueFen: 0, outstandingFen: 0 });
    expect(revoked.body.actions).not.toContain("drawTaskBook");
    expect(await recordsOf("noBook")).toHaveLength(2);
    // a revoked project takes no task book, so never a commitment of the year's money
    const drawn = await officer.post(`/api/projects/${ids.noBook}/task-book`);
    expect([drawn.status, drawn.body.code]).toEqual([422, "PROJECT_CLOSED"]);
    expect(await ledgerRepository(t.database.db).postingsOfProject("datong", ids.noBook)).toEqual([]);
  });

  it("commits nothing for a task book signed after its project was terminated", async () => {
    const applied = await (await as("dt-unit")).post(`/api/projects/${ids.unsignedBook}/termination`, {
      ...termination,
      spentFen: 0,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const approved = await (await as("dt-officer")).post(
      `/api/projects/${ids.unsignedBook}/termination/events/approve`,
      { note: "同意终止。" },
    );
    expect(approved.body.life.closures[0]).toMatchObject({ status: "decided", releaseFen: 0, dueFen: 0 });
    const signed = await (await as("dt-unit")).request(
      "PUT",
      `/api/projects/${ids.unsignedBook}/task-book/scan?signedOn=${today()}`,
      scan,
      scanUpload,
    );
    expect([signed.status, signed.body.code]).toEqual([422, "PROJECT_CLOSED"]);
    expect(await ledgerRepository(t.database.db).postingsOfProject("datong", ids.unsignedBook)).toEqual([]);
    expect((await detail(ids.unsignedBook)).money.committedFen).toBe(0);
  });
});

describe("sanctions no policy allows", () => {
  const impose = (u: string, key: Key, body: object) =>
    as(u).then((c) => c.post(`/api/projects/${ids[key]}/sanctions`, body));

  it("refuses an end before the start, naming the field", async () => {
    const res = await impose("dt-officer", "open", suspension("2026-03-10", "2026-03-09"));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "INTEGRITY_PERIOD_INVALID", path: "untilDate" });
  });

  it("refuses dates outside the platform's years or the calendar as input", async () => {
    for (const [from, until] of [
      ["0001-01-01", null],
      ["9999-12-31", null],
      ["2026-03-02", "9999-12-31"],
      ["2026-03-02", "0001-01-01"],
      ["2026-02-30", null],
      ["2026-3-2", null],
      ["", null],
      ["2026-03-02T00:00:00Z", null],
    ] as const) {
      const res = await impose("dt-officer", "open", suspension(from, until));
      expect([res.status, res.body.code], `${from}–${until}`).toEqual([400, "VALIDATION"]);
    }
    expect((await detail(ids.open)).life.sanctions).toEqual([]);
  });

  it("gives a one-off measure no end", async () => {
    const res = await impose("dt-officer", "open", {
      ...interview,
      kind: "judicialReferral",
      untilDate: "2026-12-31",
    });
    expect(res.body).toMatchObject({ code: "VALIDATION", path: "untilDate" });
  });

  it("keeps Luoyang's measures out of Datong: no termination, ban or bad record by a Datong officer", async () => {
    for (const kind of ["termination", "eligibilityBan", "badRecord"]) {
      const res = await impose("dt-officer", "open", { ...interview, kind });
      expect(res.body, kind).toMatchObject({
        code: "VALIDATION",
        path: "kind",
        details: { setting: "city" },
      });
      expect(res.body.details.kinds).not.toContain(kind);
    }
    // nor Luoyang's finance bureau as an authority
    const byFinance = await impose("dt-finance", "open", { ...interview, authority: "financeBureau" });
    expect(byFinance.body).toMatchObject({ code: "VALIDATION", path: "authority" });
    const p = await detail(ids.open);
    expect(p.life).toMatchObject({ closedAs: null, sanctions: [] });
    expect(await recordsOf("open")).toEqual([]);
  });

  it("records a Luoyang ban whose end has passed as never in force: it binds nobody", async () => {
    const res = await impose("ly-officer", "lyBan", {
      kind: "eligibilityBan",
      authority: "scienceBureau",
      fromDate: "2025-01-01",
      untilDate: "2025-06-30",
      reason: "2024年度检查发现的违规，补录处理决定。",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const s = res.body.life.sanctions.find((x: { fromDate: string }) => x.fromDate === "2025-01-01");
    expect(s).toMatchObject({ inForce: false, untilDate: "2025-06-30" });
    const records = (await recordsOf("lyBan")).filter((r) => r.originId === s.id);
    expect(records).toHaveLength(2);
    for (const r of records) expect(r).toMatchObject({ inForce: false, blocksApplications: false });
  });

  it("finds no sanction through another project, another city or an id that is none", async () => {
    const officer = await as("dt-officer");
    const lift = (project: string, sanction: string, c = officer) =>
      c.post(`/api/projects/${project}/sanctions/${sanction}/lift`, { reason: "已整改" });
    // liftRace's suspension through the open project's address
    expect((await lift(ids.open, found.liftRaceSuspension)).status).toBe(404);
    // a Luoyang ban through a Datong project, and through its own project by a Datong officer
    expect((await lift(ids.open, found.lyBanSanction)).status).toBe(404);
    expect((await lift(ids.lyBan, found.lyBanSanction)).status).toBe(404);
    // a Datong sanction through a Luoyang project by the Luoyang officer
    expect((await lift(ids.lyBan, found.matrixInterview, await as("ly-officer"))).status).toBe(404);
    expect((await lift(ids.open, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("refuses lifting a measure already lifted (409) and a one-off measure (422)", async () => {
    const officer = await as("dt-officer");
    const again = await officer.post(
      `/api/projects/${ids.liftRace}/sanctions/${found.liftRaceSuspension}/lift`,
      { reason: "重复解除" },
    );
    expect([again.status, again.body.code]).toEqual([409, "CONFLICT"]);
    const reprimand = await impose("dt-officer", "open", { ...interview, kind: "reprimand" });
    expect(reprimand.status, JSON.stringify(reprimand.body)).toBe(201);
    const s = reprimand.body.life.sanctions[0];
    expect(s.actions).toEqual([]);
    const lifted = await officer.post(`/api/projects/${ids.open}/sanctions/${s.id}/lift`, {
      reason: "已整改",
    });
    expect([lifted.status, lifted.body.code]).toEqual([422, "INVALID_TRANSITION"]);
  });

  it("keeps the ledger verifying when a project paid this morning is suspended from yesterday", async () => {
    // the test clock stands still: the suspension is recorded a minute after the payment
    t.clock.advance(60_000);
    const held = await impose("dt-officer", "paidHeld", suspension("2026-03-01"));
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    expect(held.body.life.suspended).toBe(true);
    expect(held.body.money.paidFen).toBe(50_000_000);
    // the payment made before the suspension was recorded stays a lawful payment
    expect(await ledgerFindings()).toEqual([]);
  });
});

describe("the audit trail and the ledger after all of it", () => {
  type Entry = { action: string; entityType: string; entityId: string | null; actorUsername: string | null };
  async function audit(entityType: string): Promise<Entry[]> {
    const auditor = await as("auditor");
    const out: Entry[] = [];
    for (let page = 1; ; page++) {
      const res = await auditor.get(`/api/audit?entityType=${entityType}&pageSize=200&page=${page}`);
      expect(res.status).toBe(200);
      out.push(...res.body.items);
      if (out.length >= res.body.total || res.body.items.length === 0) break;
    }
    return out;
  }

  it("records every closure, return, sanction and lift exactly once, and none of the refusals", async () => {
    const life = projectLifeRepository(t.database.db);
    const entries = [...(await audit("closure")), ...(await audit("sanction"))];
    const want: string[] = [];
    for (const key of Object.keys(ids) as Key[]) {
      const city = key.startsWith("ly") ? "luoyang" : "datong";
      const closures = await life.closures(city, ids[key]);
      const returns = await life.returnsOf(
        city,
        closures.map((c) => c.id),
      );
      for (const c of closures) {
        if (c.kind === "termination" && c.ground !== "sanction") want.push(`closure.apply ${c.id}`);
        if (c.kind === "revocation") want.push(`closure.revoke ${c.id}`);
        else if (c.ground !== "sanction" && c.status === "decided") want.push(`closure.approve ${c.id}`);
        else if (c.status === "refused") want.push(`closure.refuse ${c.id}`);
        const back = returns.filter((x) => x.closureId === c.id).length;
        want.push(...Array.from({ length: back }, () => `closure.return ${c.id}`));
      }
      for (const s of await life.sanctions(city, ids[key])) {
        want.push(`sanction.impose ${s.id}`);
        if (s.liftedAt) want.push(`sanction.lift ${s.id}`);
      }
    }
    const mine = new Set(want.map((w) => w.split(" ")[1]));
    const got = entries.filter((e) => e.entityId !== null && mine.has(e.entityId));
    expect(got.map((e) => `${e.action} ${e.entityId}`).sort()).toEqual(want.sort());
    // the matrix project's twenty-odd refused attempts left no record
    expect(want.length).toBeGreaterThan(20);
  });

  it("records every integrity record lifted by itself, by whom", async () => {
    const lifted = (await audit("integrityRecord")).filter((e) => e.action === "integrity.lift");
    const datong = (await (await as("dt-officer")).get("/api/integrity-records")).body as {
      id: string;
      lifted: unknown;
      originId: string | null;
    }[];
    const luoyang = (await (await as("ly-officer")).get("/api/integrity-records")).body as typeof datong;
    // lifted on their own: the matrix unit's record, the twoRevokes PI's, and the Luoyang ban's unit record if it won its race
    const single = lifted.map((e) => e.entityId);
    expect(single).toContain(found.matrixRecord);
    expect(new Set(single).size).toBe(single.length);
    for (const id of single) expect([...datong, ...luoyang].find((r) => r.id === id)?.lifted).not.toBeNull();
    for (const e of lifted) expect(["dt-officer", "ly-officer"]).toContain(e.actorUsername);
  });

  it("leaves both cities' ledgers verifying, every project's figures agreeing with its closure", async () => {
    expect(await ledgerFindings()).toEqual([]);
    const figures = async (key: Key) =>
      (await detail(ids[key], key.startsWith("ly") ? "ly-officer" : "dt-officer")).money;
    expect(await figures("matrix")).toMatchObject({ paidFen: 50_000_000, leftFen: 0, returnedFen: 0 });
    expect(await figures("twoRevokes")).toMatchObject({ paidFen: 50_000_000, returnedFen: 50_000_000 });
    expect(await figures("unpaidEnd")).toMatchObject({ paidFen: 0, committedFen: 0 });
    expect(await figures("noBook")).toMatchObject({ paidFen: 0, committedFen: 0 });
    expect(await figures("lyRace")).toMatchObject({ paidFen: 0, committedFen: 0 });
  });
});
