import { chinaDateOf } from "@luoshu/domain";
import { scan } from "../db/seed/demo-review.ts";
import { oneSessionEach } from "../lib/inject-client.ts";
import { projectsRepository } from "../modules/decisions/projects.repository.ts";
import { reviewedCall } from "./decision-fixtures.ts";
import type { Client, TestApp } from "./test-app.ts";

const day = 86_400_000;

/**
 * A Datong project approved the shortest way, by directed commission (DT-RULES §14): drafted,
 * published, its notice run out on the test clock, approved by the leader. Returns its id. The
 * clock moves 10 days: the caller's sessions expire, so pass a fresh `as` to each call.
 */
export async function commissionedProject(
  t: TestApp,
  as: (u: string) => Promise<Client>,
  input: { title: string; amountFen: number; unitId?: string },
): Promise<string> {
  const officer = await as("dt-officer");
  // the demo unit's, unless another unit of the city is named
  const unitId = input.unitId ?? ((await (await as("dt-unit")).get("/api/auth/me")).body.unit.id as string);
  const drafted = await officer.post("/api/directed-commissions", {
    program: "keyRnd",
    title: input.title,
    unitId,
    reason: "urgentWork",
    basis: "经局长办公会研究，该技术攻关任务紧急，须定向委托具备条件的单位承担。",
    amountFen: input.amountFen,
  });
  if (drafted.status !== 201) throw new Error(JSON.stringify(drafted.body));
  await officer.post(`/api/directed-commissions/${drafted.body.id}/events/publish`);
  t.clock.advance(10 * day);
  const approved = await (await t.as("dt-leader")).post(
    `/api/directed-commissions/${drafted.body.id}/events/approve`,
  );
  if (approved.status !== 200) throw new Error(JSON.stringify(approved.body));
  // the sessions signed in before the notice ran out have expired with it
  const projects = (await (await t.as("dt-officer")).get("/api/projects")).body.items as {
    id: string;
    number: string;
  }[];
  const project = projects.find((p) => p.number === approved.body.projectNumber);
  if (!project) throw new Error("approved project not listed");
  return project.id;
}

/** The id of a demo account's unit and of the account itself, as the API tells them. */
export async function whoIs(c: Client): Promise<{ userId: string; unitId: string | null }> {
  const me = (await c.get("/api/auth/me")).body;
  return { userId: me.id as string, unitId: (me.unit?.id as string | undefined) ?? null };
}

/**
 * A project inserted as the decision module issues it, without walking a guide, a review and a
 * list to it: the quickest way to a project of a given program (a Luoyang soft-science or major
 * innovation project, the scope test's rows). The clock does not move, so sessions stay open.
 */
export async function insertedProject(
  t: TestApp,
  input: {
    cityId: string;
    number: string;
    program: string;
    title: string;
    amountFen: number;
    unitId: string;
    piUserId: string | null;
    /** The application it was approved from, whose plan, team and budget the task book takes. */
    applicationId?: string;
    year?: number;
  },
): Promise<string> {
  const [row] = await projectsRepository(t.database.db).insertProjects([
    {
      cityId: input.cityId,
      number: input.number,
      origin: "proposedList",
      applicationId: input.applicationId ?? null,
      program: input.program,
      year: input.year ?? 2026,
      unitId: input.unitId,
      piUserId: input.piUserId,
      title: input.title,
      amountFen: input.amountFen,
      piYouth: false,
      policyVersion: "2025",
      approvedOn: "2026-03-01",
      approvedAt: new Date("2026-03-01T02:00:00Z"),
    },
  ]);
  if (!row) throw new Error("project not inserted");
  return row.id;
}

/** Raw bytes of an upload, as the web sends the signed scan. */
export const scanUpload = {
  "content-type": "application/octet-stream",
  "x-file-name": encodeURIComponent("任务书.pdf"),
};

/**
 * A project's task book drawn by the bureau (unless it is drawn already), confirmed by both sides and
 * signed with its scan (the money committed: the year's control number must be set). `unit` is the
 * unit's administrator.
 */
export async function signedTaskBook(
  officer: Client,
  unit: Client,
  id: string,
  signedOn = "2026-03-01",
): Promise<void> {
  const drawn = (await officer.get(`/api/projects/${id}`)).body.taskBook !== null;
  const steps = [
    ...(drawn ? [] : [() => officer.post(`/api/projects/${id}/task-book`)]),
    () => unit.post(`/api/projects/${id}/task-book/events/confirmUnit`),
    () => officer.post(`/api/projects/${id}/task-book/events/confirmBureau`),
    () => unit.request("PUT", `/api/projects/${id}/task-book/scan?signedOn=${signedOn}`, scan, scanUpload),
  ];
  for (const step of steps) {
    const res = await step();
    if (res.status >= 300) throw new Error(`task book of ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/**
 * Projects in execution drawn from reviewed applications of each city's demo unit and PI (so their
 * task books carry the application's period, milestones, targets and budget), the year's control
 * number set, each task book signed today. Spare titles are reviewed too, for projects a test draws
 * later. The clock moves on a minute per city (the login rate limit): make fresh sessions after.
 */
export async function signedProjects(
  t: TestApp,
  specs: readonly {
    prefix: "ly" | "dt";
    program: string;
    number: string;
    title: string;
    spares?: string[];
  }[],
): Promise<{ id: string; spareApplications: string[] }[]> {
  const out = [];
  const budgeted = new Set<string>();
  for (const s of specs) {
    let as = oneSessionEach((u) => t.as(u));
    const titles = [`${s.title}申报`, ...(s.spares ?? [])];
    const { ids: apps } = await reviewedCall(
      as,
      s.prefix,
      titles,
      titles.map(() => 85),
    );
    t.clock.advance(61_000);
    as = oneSessionEach((u) => t.as(u));
    if (!budgeted.has(s.prefix)) {
      await (await as(`${s.prefix}-finance`)).put("/api/budget/control-numbers/2026", {
        amountFen: 900_000_000,
        docNumber: `${s.prefix}-财-2026-1`,
      });
      budgeted.add(s.prefix);
    }
    const unit = await whoIs(await as(`${s.prefix}-unit`));
    const pi = await whoIs(await as(`${s.prefix}-pi`));
    const id = await insertedProject(t, {
      cityId: s.prefix === "dt" ? "datong" : "luoyang",
      number: s.number,
      program: s.program,
      title: s.title,
      amountFen: 10_000_000,
      unitId: unit.unitId ?? "",
      piUserId: pi.userId,
      applicationId: apps[0],
    });
    await signedTaskBook(
      await as(`${s.prefix}-officer`),
      await as(`${s.prefix}-unit`),
      id,
      chinaDateOf(t.clock.now()),
    );
    t.clock.advance(61_000);
    out.push({ id, spareApplications: apps.slice(1) });
  }
  return out;
}
