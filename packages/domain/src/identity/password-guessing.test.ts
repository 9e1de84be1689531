import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guessKeys, guessLimits, guessVerdict } from "./password-guessing.ts";

const now = new Date("2026-03-02T02:05:00Z");
const windowEnd = new Date("2026-03-02T02:15:00Z");

describe("password guessing", () => {
  it("lets an account try from an address until the pair's limit, then waits for the window's end", () => {
    const max = guessLimits.perAccountAndAddress.max;
    expect(
      guessVerdict({ accountAndAddress: max - 1, account: 0, pairWindowEndsAt: windowEnd }, now),
    ).toEqual({
      kind: "try",
      delayMs: 0,
    });
    expect(guessVerdict({ accountAndAddress: max, account: max, pairWindowEndsAt: windowEnd }, now)).toEqual({
      kind: "refuse",
      retryAfterSeconds: 600,
    });
  });

  it("never refuses an address that has not guessed, however much others guessed: it only slows", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (others) => {
        const v = guessVerdict({ accountAndAddress: 0, account: others, pairWindowEndsAt: windowEnd }, now);
        return v.kind === "try" && v.delayMs <= guessLimits.perAccount.delayMs;
      }),
    );
    const v = guessVerdict({ accountAndAddress: 0, account: 20, pairWindowEndsAt: windowEnd }, now);
    expect(v).toEqual({ kind: "try", delayMs: guessLimits.perAccount.delayMs });
  });

  it("names counters by the name typed, so unknown accounts are counted like known ones", () => {
    expect(guessKeys("nobody", "10.0.0.1")).toEqual({
      accountAndAddress: "guess-pair:nobody|10.0.0.1",
      account: "guess-account:nobody",
    });
  });
});
