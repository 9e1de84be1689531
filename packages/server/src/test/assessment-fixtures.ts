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
