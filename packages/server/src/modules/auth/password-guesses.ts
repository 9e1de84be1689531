import { DomainError, guessKeys, guessLimits, guessVerdict } from "@luoshu/domain";
import type { RequestContext } from "../../lib/context.ts";
import type { RateLimitsRepository } from "../../lib/rate-limits.repository.ts";

export type GuessDeps = {
  repos: { rateLimits: Pick<RateLimitsRepository, "peek" | "hit" | "clear"> };
  /** Waits out the slowdown of an account guessed at from many addresses; tests may pass their own. */
  slowDown?: (ms: number) => Promise<void>;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Called before a password is checked, on login and on a password change alike, so both routes
 * draw on one budget of guesses. Refuses the account-and-address pair that used its tries; slows
 * the others when the account is under guessing from many addresses. Returns what to record after.
 */
export async function beforeGuess(deps: GuessDeps, ctx: RequestContext, username: string) {
  const { perAccountAndAddress: pair, perAccount: account } = guessLimits;
  const keys = guessKeys(username, ctx.ip);
  const [p, a] = await Promise.all([
    deps.repos.rateLimits.peek(keys.accountAndAddress, pair.windowMs, ctx.now),
    deps.repos.rateLimits.peek(keys.account, account.windowMs, ctx.now),
  ]);
  const verdict = guessVerdict(
    { accountAndAddress: p.count, account: a.count, pairWindowEndsAt: p.windowEndsAt },
    ctx.now,
  );
  if (verdict.kind === "refuse") {
    throw new DomainError({
      code: "AUTH_TOO_MANY_GUESSES",
      messageZh: `该账号从您所在的网络连续输错密码 ${pair.max} 次，请 ${Math.ceil(verdict.retryAfterSeconds / 60)} 分钟后再试；其他网络不受影响。`,
      messageEn: `${pair.max} wrong passwords for this account from your network; try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minutes. Other networks are not affected.`,
      details: { retryAfterSeconds: verdict.retryAfterSeconds },
    });
  }
  if (verdict.delayMs > 0) await (deps.slowDown ?? wait)(verdict.delayMs);
  return {
    async wrong() {
      await Promise.all([
        deps.repos.rateLimits.hit(keys.accountAndAddress, pair.windowMs, ctx.now),
        deps.repos.rateLimits.hit(keys.account, account.windowMs, ctx.now),
      ]);
    },
    /** The owner's own address starts afresh once the right password is given. */
    right: () => deps.repos.rateLimits.clear(keys.accountAndAddress),
  };
}
