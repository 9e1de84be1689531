import type { Client } from "./test-app.ts";

/**
 * Experts of the city's pool free of conflicts with the project, the first `n` in the candidates'
 * order, with their logins: the panel a test convenes for a mid-term or an acceptance.
 */
export async function freeExperts(
  officer: Client,
  projectId: string,
  n: number,
): Promise<{ id: string; username: string }[]> {
  const candidates = (await officer.get(`/api/projects/${projectId}/assessment-candidates`)).body.items as {
    expertId: string;
    conflicts: string[];
  }[];
  const pool = (await officer.get("/api/experts?pageSize=200")).body.items as {
    id: string;
    username: string;
  }[];
  return candidates
    .filter((c) => c.conflicts.length === 0)
    .slice(0, n)
    .map((c) => ({ id: c.expertId, username: pool.find((e) => e.id === c.expertId)?.username ?? "" }));
}

/** Each expert of the panel submits the same scores; every submission must be taken. */
export async function scorePanel(
  as: (username: string) => Promise<Client>,
  assessmentId: string,
  experts: readonly { username: string }[],
  scores: readonly number[],
  comment = "同意通过验收。",
): Promise<void> {
  for (const e of experts) {
    const res = await (await as(e.username)).post(`/api/assessments/${assessmentId}/sheet`, {
      scores,
      comment,
    });
    if (res.status !== 200) throw new Error(`${e.username}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
