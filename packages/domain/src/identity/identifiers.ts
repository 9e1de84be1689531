import { chinaDateOf } from "../shared/dates.ts";
import { DomainError, type ErrorCode } from "../shared/errors.ts";

/**
 * National identifiers the platform checks at the door: the unified social credit code of a unit
 * (GB 32100-2015) and the resident identity number of a person (GB 11643-1999), plus the password
 * rule. Checks return a result rather than throw, so forms can show the Chinese message in place.
 */

export type CheckResult = { ok: true } | { ok: false; code: ErrorCode; messageZh: string; messageEn: string };

const OK: CheckResult = { ok: true };
const fail = (code: ErrorCode, messageZh: string, messageEn: string): CheckResult => ({
  ok: false,
  code,
  messageZh,
  messageEn,
});

// ---- Unified social credit code (统一社会信用代码) ------------------------------------------------

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z; a character's value is its index. */
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function usccCheckChar(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(prefix17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

function usccPrefixProblem(prefix: string): CheckResult {
  const bad = [...prefix].find((c) => !USCC_ALPHABET.includes(c));
  if (bad !== undefined) {
    return fail(
      "USCC_CHARACTERS",
      `统一社会信用代码含有无效字符“${bad}”（只能使用数字和大写字母，且不含I、O、S、V、Z）`,
      `Invalid character "${bad}" (digits and capitals only, without I, O, S, V, Z)`,
    );
  }
  if (!/^\d{6}$/.test(prefix.slice(2, 8))) {
    return fail(
      "USCC_REGION",
      "统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）",
      "Characters 3–8 must be the digits of the registering authority's division code",
    );
  }
  return OK;
}

export function validateUscc(code: string): CheckResult {
  if (typeof code !== "string" || code.length !== 18) {
    const len = typeof code === "string" ? code.length : 0;
    return fail(
      "USCC_LENGTH",
      `统一社会信用代码长度应为18位（当前为${len}位）`,
      `Must be 18 characters (got ${len})`,
    );
  }
  const prefixProblem = usccPrefixProblem(code.slice(0, 17));
  if (!prefixProblem.ok) return prefixProblem;
  if (usccCheckChar(code) !== code.charAt(17)) {
    return fail("USCC_CHECK_DIGIT", "统一社会信用代码校验码不正确", "The check character is wrong");
  }
  return OK;
}

/** Completes 17 characters into a valid code; for seed data and tests. */
export function makeUscc(prefix17: string): string {
  const problem =
    prefix17.length === 17
      ? usccPrefixProblem(prefix17)
      : fail("USCC_LENGTH", "前缀应为17位", "The prefix must be 17 characters");
  if (!problem.ok) {
    throw new DomainError({
      code: "VALIDATION",
      path: "prefix17",
      messageZh: problem.messageZh,
      messageEn: problem.messageEn,
    });
  }
  return prefix17 + usccCheckChar(prefix17);
}

// ---- Resident identity number (居民身份证号码) ------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = "10X98765432";

function residentCheckChar(prefix17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(prefix17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** "YYYY-MM-DD" when the eight digits are a real calendar date from 1900 on, else null. */
function calendarDate(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real && y >= 1900 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** `at`, when given, also refuses a birth date after that day (pass the injected clock's now). */
export function validateResidentId(id: string, options: { at?: Date } = {}): CheckResult {
  if (typeof id !== "string" || id.length !== 18) {
    const len = typeof id === "string" ? id.length : 0;
    return fail(
      "RESIDENT_ID_LENGTH",
      `身份证号码长度应为18位（当前为${len}位）`,
      `Must be 18 characters (got ${len})`,
    );
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return fail(
      "RESIDENT_ID_CHARACTERS",
      "身份证号码前17位应为数字，末位应为数字或大写X",
      "The first 17 characters must be digits and the last a digit or a capital X",
    );
  }
  const birth = calendarDate(id.slice(6, 14));
  if (birth === null || (options.at && birth > chinaDateOf(options.at))) {
    return fail(
      "RESIDENT_ID_BIRTH_DATE",
      "身份证号码中的出生日期无效",
      "The birth date in the number is not valid",
    );
  }
  if (residentCheckChar(id) !== id.charAt(17)) {
    return fail("RESIDENT_ID_CHECK_DIGIT", "身份证号码校验码不正确", "The check character is wrong");
  }
  return OK;
}

/** Completes 17 digits (with a real birth date) into a valid number; for seed data and tests. */
export function makeResidentId(prefix17: string): string {
  if (!/^\d{17}$/.test(prefix17) || calendarDate(prefix17.slice(6, 14)) === null) {
    throw new DomainError({
      code: "VALIDATION",
      path: "prefix17",
      messageZh: "前缀应为17位数字，且第7至14位为有效出生日期",
      messageEn: "The prefix must be 17 digits with a valid birth date in digits 7–14",
    });
  }
  return prefix17 + residentCheckChar(prefix17);
}

/** "YYYY-MM-DD", or null when the number carries no valid birth date. */
export function birthDateOfResidentId(id: string): string | null {
  return /^\d{17}[\dX]$/.test(id) ? calendarDate(id.slice(6, 14)) : null;
}

/** "4103**********123X": logs, lists and exports show no more than this. */
export function maskResidentId(id: string): string {
  if (id.length <= 8) return "*".repeat(id.length);
  return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * Whole years completed on `at` (a Date read in China time, or a "YYYY-MM-DD" day). Someone born on
 * 29 February turns a year older on 1 March in common years.
 */
export function ageAt(birthDate: string, at: Date | string): number {
  const day = typeof at === "string" ? at : chinaDateOf(at);
  const birth = calendarDate(birthDate.replaceAll("-", ""));
  if (birth === null || birth !== birthDate || calendarDate(day.replaceAll("-", "")) !== day || day < birth) {
    throw new DomainError({
      code: "VALIDATION",
      path: "birthDate",
      messageZh: `无法计算年龄：出生日期 ${birthDate}，计算日期 ${day}`,
      messageEn: `Cannot compute an age from birth date ${birthDate} at ${day}`,
    });
  }
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

// ---- Password -----------------------------------------------------------------------------------

export const PASSWORD_MIN_LENGTH = 10;

const passwordClasses = [
  { test: /[A-Z]/, zh: "大写字母", en: "an upper-case letter" },
  { test: /[a-z]/, zh: "小写字母", en: "a lower-case letter" },
  { test: /[0-9]/, zh: "数字", en: "a digit" },
  { test: /[^A-Za-z0-9]/, zh: "特殊符号", en: "a symbol" },
];

/** At least 10 characters, 3 of the 4 character classes, and not containing the user name. */
export function validatePassword(password: string, username: string): CheckResult {
  const zh: string[] = [];
  const en: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    zh.push(`长度至少${PASSWORD_MIN_LENGTH}位（当前${length}位）`);
    en.push(`be at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length})`);
  }
  const missing = passwordClasses.filter((c) => !c.test.test(password));
  const needed = missing.length - 1;
  if (needed > 0) {
    zh.push(`还需包含以下至少${needed}类字符：${missing.map((c) => c.zh).join("、")}`);
    en.push(`also contain ${needed === 1 ? "one" : needed} of: ${missing.map((c) => c.en).join(", ")}`);
  }
  const name = username.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) {
    zh.push("不得包含用户名");
    en.push("not contain the user name");
  }
  if (zh.length === 0) return OK;
  return fail("PASSWORD_WEAK", `密码不符合要求：${zh.join("；")}`, `The password must ${en.join("; ")}`);
}
