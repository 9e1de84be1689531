import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The tile's count and the usernames of the list its link opens, through the API. */
async function tile(username: string, key: string) {
  const c = await t.as(username);
  const tasks = (await c.get("/api/workspace")).body.tasks as { key: string; count: number; link: string }[];
  const found = tasks.find((x) => x.key === key);
  if (!found) throw new Error(`${username} has no tile ${key}`);
  const list = await c.get(`/api${found.link}`);
  expect(list.status).toBe(200);
  return {
    count: found.count,
    total: list.body.total as number,
    names: (list.body.items as { username: string }[]).map((u) => u.username),
  };
}

describe("the security administrator's tiles open the accounts they count", () => {
  it("lists the accounts waiting for roles, and only those", async () => {
    expect(await tile("secadmin", "accountsWithoutRoles")).toEqual({ count: 0, total: 0, names: [] });
    const sys = await t.as("sysadmin");
    const res = await sys.post("/api/users", {
      username: "ly-newcomer",
      displayName: "新同事",
      cityCode: "luoyang",
      password: "Xin-Tongshi-2026",
    });
    expect(res.status).toBe(201);
    expect(await tile("secadmin", "accountsWithoutRoles")).toEqual({
      count: 1,
      total: 1,
      names: ["ly-newcomer"],
    });
  });

  it("lists the accounts under password guessing this hour, not names that have no account", async () => {
    for (const username of ["ly-pi", "nobody-here"])
      for (let i = 0; i < 5; i++)
        await t.anonymous.post("/api/auth/login", { username, password: `wrong-${i}` });
    for (const admin of ["secadmin", "sysadmin"])
      expect(await tile(admin, "guessedAccounts")).toEqual({ count: 1, total: 1, names: ["ly-pi"] });
    // an hour later the counter's window has passed
    t.clock.advance(3_600_000);
    expect((await tile("secadmin", "guessedAccounts")).count).toBe(0);
  });
});
