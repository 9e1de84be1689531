import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneSessionEach } from "../../lib/inject-client.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { walkDemoDecision } from "./demo-decision.ts";
import { walkDemoReview } from "./demo-review.ts";

let t: TestApp;
const as = oneSessionEach((username: string) => t.as(username));
beforeAll(async () => {
  t = await createTestApp();
  // Each walk signs in a fresh minute of the login rate limit (30 a minute): how many experts the
  // review signs in depends on the assignment the solver finds, which a loaded machine can change.
  await walkDemoReview(as, t.clock.now());
  t.clock.advance(61_000);
  await walkDemoDecision(as, t.clock.now());
  t.clock.advance(61_000);
}, 240_000);
afterAll(() => t.close());

describe("the demo's expert review, walked through the API on the first start", () => {
  it("leaves both cities' calls in review, each organised by whom its policy names", async () => {
    for (const [prefix, organiser] of [
      ["ly", "entrustedAgency"],
      ["dt", "bureau"],
    ]) {
      const calls = (await (await as(`${prefix}-officer`)).get("/api/reviews/calls")).body.items;
      expect(calls).toHaveLength(2);
      expect(calls.find((c: { callName: string }) => c.callName === "第一批")).toMatchObject({
        organiser,
        passed: 4,
        plan: { status: "inReview" },
      });
    }
  });

  it("gives the named demo experts an invitation on their first login", async () => {
    for (const prefix of ["ly", "dt"]) {
      const mine = await (await as(`${prefix}-expert`)).get("/api/my-reviews");
      expect(mine.status).toBe(200);
      // the first batch's invitation; the expert may also have scored in the second batch's review
      const statuses = mine.body.items.flatMap((i: { assignments: { status: string }[] }) =>
        i.assignments.map((a) => a.status),
      );
      expect(statuses).toContain("invited");
    }
  });

  it("leaves each city's second batch as a proposed list waiting for the bureau leader", async () => {
    for (const prefix of ["ly", "dt"]) {
      const calls = (await (await as(`${prefix}-leader`)).get("/api/decisions?mine=true")).body.items;
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({
        callName: "第二批",
        list: { status: "awaitingLeader", waitingFor: "bureauLeader" },
      });
      const tasks = (await (await as(`${prefix}-leader`)).get("/api/workspace")).body.tasks;
      expect(tasks.find((x: { key: string }) => x.key === "listsWaiting")).toMatchObject({ count: 1 });
    }
  });
});
