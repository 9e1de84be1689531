import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import {
  ageAt,
  birthDateOfResidentId,
  makeResidentId,
  makeUscc,
  maskResidentId,
  validatePassword,
  validateResidentId,
  validateUscc,
} from "./identifiers.ts";

const codeOf = (r: ReturnType<typeof validateUscc>) => (r.ok ? "ok" : r.code);

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts published codes", () => {
    expect(validateUscc("91350100M000100Y43")).toEqual({ ok: true });
    expect(makeUscc("91350100M000100Y4")).toBe("91350100M000100Y43");
  });

  it("maps a remainder of 0 to check character 0 (31 → 0)", () => {
    // Find a prefix whose weighted sum is a multiple of 31 by varying the last character.
    const found = [..."0123456789ABCDEFGHJKLMNPQRTUWXY"]
      .map((c) => makeUscc(`91410300MA4${c}00000`))
      .find((code) => code.endsWith("0"));
    expect(found).toBeDefined();
    expect(validateUscc(found ?? "")).toEqual({ ok: true });
  });

  it.each([
    ["91350100M000100Y4", "USCC_LENGTH", "长度应为18位"],
    ["91350100M000100Y44", "USCC_CHECK_DIGIT", "校验码不正确"],
    ["91350100M000100I43", "USCC_CHARACTERS", "无效字符“I”"],
    ["91350100m000100y43", "USCC_CHARACTERS", "无效字符"],
    ["9135A100M000100Y43", "USCC_REGION", "行政区划码"],
  ])("rejects %s with %s", (code, errorCode, zh) => {
    const r = validateUscc(code);
    expect(codeOf(r)).toBe(errorCode);
    expect(r.ok ? "" : r.messageZh).toContain(zh);
  });

  it("catches every single-character typo of a valid code", () => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const prefix = fc.array(fc.constantFrom(...alphabet), { minLength: 11, maxLength: 11 });
    const region = fc.array(fc.constantFrom(..."0123456789"), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(prefix, region, fc.nat(17), fc.constantFrom(...alphabet), (p, r, pos, c) => {
        const prefix17 = `${p[0]}${p[1]}${r.join("")}${p.slice(2).join("")}`;
        const code = makeUscc(prefix17);
        expect(validateUscc(code).ok).toBe(true);
        const typo = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(validateUscc(typo).ok).toBe(typo === code);
      }),
    );
  });

  it("refuses to complete a bad prefix", () => {
    expect(() => makeUscc("91350100M000100Y")).toThrow(DomainError);
    expect(() => makeUscc("91350100M000100O4")).toThrow(DomainError);
  });
});

describe("resident identity number (GB 11643-1999)", () => {
  it("accepts the standard's example and completes prefixes", () => {
    expect(validateResidentId("11010519491231002X")).toEqual({ ok: true });
    expect(makeResidentId("11010519491231002")).toBe("11010519491231002X");
    const made = makeResidentId("41030319900307123");
    expect(validateResidentId(made)).toEqual({ ok: true });
    expect(birthDateOfResidentId(made)).toBe("1990-03-07");
  });

  it.each([
    ["1101051949123100", "RESIDENT_ID_LENGTH", "长度应为18位"],
    ["11010519491231002x", "RESIDENT_ID_CHARACTERS", "大写X"],
    ["1101051949123A002X", "RESIDENT_ID_CHARACTERS", "前17位应为数字"],
    ["110105194912310021", "RESIDENT_ID_CHECK_DIGIT", "校验码不正确"],
    ["110105194902300020", "RESIDENT_ID_BIRTH_DATE", "出生日期无效"],
    ["110105189912310020", "RESIDENT_ID_BIRTH_DATE", "出生日期无效"],
  ])("rejects %s with %s", (id, errorCode, zh) => {
    const r = validateResidentId(id);
    expect(codeOf(r)).toBe(errorCode);
    expect(r.ok ? "" : r.messageZh).toContain(zh);
  });

  it("refuses a birth date after the given day", () => {
    const id = makeResidentId("41030320300101123");
    expect(validateResidentId(id).ok).toBe(true);
    expect(codeOf(validateResidentId(id, { at: new Date("2025-06-01T00:00:00Z") }))).toBe(
      "RESIDENT_ID_BIRTH_DATE",
    );
  });

  it("handles leap days", () => {
    expect(validateResidentId(makeResidentId("41030320000229123")).ok).toBe(true);
    expect(() => makeResidentId("41030319000229123")).toThrow(DomainError);
    expect(birthDateOfResidentId("41030319000229123X")).toBeNull();
  });

  it("masks all but the first and last four characters", () => {
    expect(maskResidentId("41030319900307123X")).toBe("4103**********123X");
    expect(maskResidentId("1234")).toBe("****");
  });
});

describe("ageAt", () => {
  it.each([
    ["1985-06-15", "2025-06-14", 39],
    ["1985-06-15", "2025-06-15", 40],
    ["2000-02-29", "2025-02-28", 24],
    ["2000-02-29", "2025-03-01", 25],
    ["2000-02-29", "2024-02-29", 24],
  ])("born %s, on %s → %i", (birth, day, age) => {
    expect(ageAt(birth, day)).toBe(age);
  });

  it("reads a Date in China time", () => {
    // 2025-06-14T16:00Z is already 15 June in Beijing.
    expect(ageAt("1985-06-15", new Date("2025-06-14T16:00:00Z"))).toBe(40);
    expect(ageAt("1985-06-15", new Date("2025-06-14T15:59:59Z"))).toBe(39);
  });

  it("refuses impossible dates", () => {
    expect(() => ageAt("1985-02-30", "2025-01-01")).toThrow(DomainError);
    expect(() => ageAt("2025-01-02", "2025-01-01")).toThrow(DomainError);
  });
});

describe("validatePassword", () => {
  it("accepts 10+ characters with 3 of 4 classes", () => {
    expect(validatePassword("Luoshu-2025", "zhangsan")).toEqual({ ok: true });
    expect(validatePassword("abcdefgh12!", "zhangsan")).toEqual({ ok: true });
  });

  it("lists everything that is missing, in Chinese", () => {
    const r = validatePassword("abcdefg", "zhangsan");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("PASSWORD_WEAK");
    expect(r.messageZh).toBe(
      "密码不符合要求：长度至少10位（当前7位）；还需包含以下至少2类字符：大写字母、数字、特殊符号",
    );
    expect(r.messageEn).toContain("at least 10 characters");
  });

  it("refuses a password containing the user name, in any case", () => {
    const r = validatePassword("ZhangSan#2025", "zhangsan");
    expect(r.ok ? "" : r.messageZh).toBe("密码不符合要求：不得包含用户名");
  });

  it("needs one more class when only two are present", () => {
    const r = validatePassword("abcdefghij12", "li");
    expect(r.ok ? "" : r.messageZh).toBe("密码不符合要求：还需包含以下至少1类字符：大写字母、特殊符号");
  });
});
