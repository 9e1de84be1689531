import type { Client, TestApp } from "./test-app.ts";

const day = 86_400_000;

/**
 * A Datong project approved the shortest way, by directed commission (DT-RULES §14): drafted,
 * published, its notice run out on the test clock, approved by the leader. Returns its id.
 */
export async function commissionedProject(
  t: TestApp,
  as: (u: string) => Promise<Client>,
  input: { title: string; amountFen: number },
): Promise<string> {
  const officer = await as("dt-officer");
  const unitId = (await (await as("dt-unit")).get("/api/auth/me")).body.unit.id as string;
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
