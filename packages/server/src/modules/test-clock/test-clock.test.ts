import { describe, expect, it } from "vitest";
import { readConfig } from "../../config.ts";
import { createTestApp } from "../../test/test-app.ts";

describe("the browser tests' clock", () => {
  it("is refused in production", () => {
    expect(() => readConfig({ NODE_ENV: "production", LUOSHU_TEST_CLOCK: "1" })).toThrow(
      /refused in production/,
    );
    expect(readConfig({ LUOSHU_TEST_CLOCK: "1" }).testClock).toBe(true);
    expect(readConfig({}).testClock).toBe(false);
  });

  it("has no route unless the server was started with it", async () => {
    const t = await createTestApp();
    expect((await t.anonymous.post("/api/test-clock/advance", { days: 10 })).status).toBe(404);
    await t.close();
  });
});
