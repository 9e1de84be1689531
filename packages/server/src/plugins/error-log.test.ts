import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../db/seed/demo-data.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    logger: { level: "info", stream: { write: (line: string) => lines.push(line) } },
  });
});
afterAll(() => t.close());

describe("the log of a failed request", () => {
  it("names the request and the database error, never the statement's parameters or the failing row", async () => {
    const pi = await t.as("ly-pi");
    // From here on every write of a user row fails inside PostgreSQL, whose detail line quotes the row.
    await t.database.db.execute(
      sql.raw(
        `alter table users add constraint refuse_in_test check (password_hash not like '$argon2%') not valid`,
      ),
    );
    const newPassword = "Zq8!vL3#pWx9-neu";
    lines.length = 0;
    const res = await pi.post("/api/auth/password", { currentPassword: demoPassword, newPassword });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe("INTERNAL");

    const logged = lines.map((l) => JSON.parse(l) as Record<string, any>);
    const failure = logged.find((l) => l.msg === "request failed");
    expect(failure).toMatchObject({
      level: 50,
      code: "INTERNAL",
      error: { type: "DatabaseError", sqlState: "23514" },
    });
    expect(failure?.reqId).toBeTruthy();
    expect(failure?.error.constraint).toBe("refuse_in_test");
    expect(failure?.error.statement).toMatch(/update "users"/i);
    const all = lines.join("\n");
    expect(all).not.toContain("$argon2");
    expect(all).not.toContain(newPassword);
    expect(all).not.toContain(demoPassword);
    expect(all).not.toMatch(/params|Failing row/i);
  });
});
