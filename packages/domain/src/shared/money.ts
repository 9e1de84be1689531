import { z } from "zod";
import { DomainError } from "./errors.ts";

/**
 * Money is an integer number of fen (分, 1/100 yuan) everywhere in the platform. Floating-point
 * yuan never enters a computation: amounts are parsed from text exactly and only formatted for
 * display at the edge.
 */
export type Fen = number;

/**
 * The most any one amount entered into the platform may be: ¥100 billion (10^13 fen), far beyond any
 * grant, and small enough that a sum of up to 900 of them stays below 2^53 (≈ 9 × 10^15), where a
 * JavaScript number still counts every fen: totals such as `requestedFen` (at most 20 budget lines)
 * are exact without BigInt.
 */
export const maxEnteredFen = 10_000_000_000_000;

/** An amount as a request enters it: whole fen, not negative, at most `maxEnteredFen`. */
export const fenSchema = z.number().int().min(0).max(maxEnteredFen);

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;

export function isFen(value: unknown): value is Fen {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/**
 * Throws a VALIDATION DomainError unless `value` is a safe integer number of fen. Amounts in budgets,
 * caps and subsidies are never negative, so negatives are refused unless the caller says otherwise
 * (a ledger balance may go below zero).
 */
export function assertFen(
  value: unknown,
  path = "amountFen",
  options: { allowNegative?: boolean } = {},
): asserts value is Fen {
  if (!isFen(value)) {
    throw new DomainError({
      code: "VALIDATION",
      path,
      messageZh: `金额须为以“分”计的整数：${path}`,
      messageEn: `Amount must be a safe integer number of fen: ${path}`,
    });
  }
  if (value < 0 && !options.allowNegative) {
    throw new DomainError({
      code: "VALIDATION",
      path,
      messageZh: `金额不能为负数：${path}`,
      messageEn: `Amount must not be negative: ${path}`,
    });
  }
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ",");
}

/** "¥1,234.56"; negative amounts as "-¥1,234.56". Exact: no rounding is involved. */
export function formatYuan(fen: Fen): string {
  assertFen(fen, "fen", { allowNegative: true });
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / FEN_PER_YUAN);
  const cents = String(abs % FEN_PER_YUAN).padStart(2, "0");
  return `${fen < 0 ? "-" : ""}¥${groupThousands(String(yuan))}.${cents}`;
}

/**
 * "12.35 万元", for display only (tables, summaries); never feed it back into a computation.
 * Rounded to 0.01 万元 (¥100) half away from zero on the exact integer, so ¥123,450.00 shows as
 * 12.35 万元 and ¥123,449.99 as 12.34 万元.
 */
export function formatWanYuan(fen: Fen): string {
  assertFen(fen, "fen", { allowNegative: true });
  const unit = FEN_PER_WAN_YUAN / 100;
  const abs = Math.abs(fen);
  const hundredths = Math.floor(abs / unit) + (abs % unit >= unit / 2 ? 1 : 0);
  const whole = Math.trunc(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, "0");
  const sign = fen < 0 && hundredths > 0 ? "-" : "";
  return `${sign}${groupThousands(String(whole))}.${frac} 万元`;
}

/**
 * Parses a yuan amount typed by a person ("1234.56", "1234.5", "1234") into fen, exactly, with
 * string arithmetic instead of `parseFloat` (0.1 + 0.2 must never reach a budget). Refuses more
 * than two decimals, signs, grouping commas, exponents and amounts beyond Number.MAX_SAFE_INTEGER fen.
 */
export function yuanToFen(text: string, path = "amount"): Fen {
  const invalid = (zh: string, en: string) =>
    new DomainError({ code: "VALIDATION", path, messageZh: zh, messageEn: en });
  const trimmed = typeof text === "string" ? text.trim() : "";
  if (trimmed.startsWith("-"))
    throw invalid(`金额不能为负数：${text}`, `Amount must not be negative: ${text}`);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) throw invalid(`金额格式不正确：${String(text)}`, `Not a yuan amount: ${String(text)}`);
  const whole = match[1] ?? "0";
  const frac = match[2] ?? "";
  if (frac.length > 2) {
    throw invalid(`金额最多保留两位小数：${text}`, `At most two decimal places are allowed: ${text}`);
  }
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0"));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(`金额过大：${text}`, `Amount too large: ${text}`);
  return Number(fen);
}
