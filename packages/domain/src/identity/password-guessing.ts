/**
 * Password guessing is stopped without handing anyone a switch: locking an account after five wrong
 * passwords let anybody lock out anybody, administrators included. Instead, one account from one
 * network address gets a few tries per window (the owner elsewhere is untouched), and an account
 * guessed at from many addresses is only slowed down for everyone, never closed. Unknown and known
 * accounts are counted and answered alike, so the answers reveal nothing about who exists.
 */
export const guessLimits = {
  /** Wrong passwords for one account from one address before that pair waits for the window's end. */
  perAccountAndAddress: { max: 5, windowMs: 15 * 60_000 },
  /** Wrong passwords for one account from anywhere before each further try is slowed by `delayMs`. */
  perAccount: { slowAfter: 20, windowMs: 60 * 60_000, delayMs: 2_000 },
} as const;

export interface GuessCounts {
  /** Wrong passwords in the current windows, and when the pair's window ends. */
  accountAndAddress: number;
  account: number;
  pairWindowEndsAt: Date;
}

export type GuessVerdict = { kind: "refuse"; retryAfterSeconds: number } | { kind: "try"; delayMs: number };

export function guessVerdict(counts: GuessCounts, now: Date): GuessVerdict {
  if (counts.accountAndAddress >= guessLimits.perAccountAndAddress.max) {
    const ms = Math.max(0, counts.pairWindowEndsAt.getTime() - now.getTime());
    return { kind: "refuse", retryAfterSeconds: Math.ceil(ms / 1000) };
  }
  const slow = counts.account >= guessLimits.perAccount.slowAfter;
  return { kind: "try", delayMs: slow ? guessLimits.perAccount.delayMs : 0 };
}

export const guessPairPrefix = "guess-pair:";
export const guessAccountPrefix = "guess-account:";

/** The counters' names: by the name as typed, whether or not such an account exists. */
export function guessKeys(username: string, address: string | null) {
  return {
    accountAndAddress: `${guessPairPrefix}${username}|${address ?? "-"}`,
    account: `${guessAccountPrefix}${username}`,
  };
}
