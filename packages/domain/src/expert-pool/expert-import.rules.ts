import { validateResidentId } from "../identity/identifiers.ts";
import { disciplineOf } from "./disciplines.ts";
import { type AvailabilityWindow, normaliseKeywords } from "./expert.ts";

/**
 * One sheet of experts to import (the template's columns, in its order) and the checks every row
 * meets before anything is written: a file is imported whole or not at all, and the dry run lists
 * every bad row at once as { row, column, reason }.
 */
export const expertImportColumns = [
  { key: "username", headerZh: "用户名", headerEn: "Username", required: true, width: 16 },
  { key: "displayName", headerZh: "姓名", headerEn: "Name", required: true, width: 12 },
  { key: "idNumber", headerZh: "身份证号", headerEn: "Resident ID number", required: true, width: 22 },
  { key: "unitUscc", headerZh: "所在单位统一社会信用代码", headerEn: "Unit USCC", required: true, width: 24 },
  { key: "disciplines", headerZh: "学科代码", headerEn: "Discipline codes", required: true, width: 18 },
  { key: "title", headerZh: "职称", headerEn: "Title", required: true, width: 12 },
  { key: "keywords", headerZh: "研究方向关键词", headerEn: "Keywords", required: false, width: 28 },
  { key: "region", headerZh: "所在地区", headerEn: "Region", required: false, width: 12 },
  { key: "phone", headerZh: "手机", headerEn: "Mobile", required: false, width: 14 },
  { key: "email", headerZh: "电子邮箱", headerEn: "Email", required: false, width: 22 },
  { key: "availability", headerZh: "可评审时段", headerEn: "Availability", required: false, width: 26 },
] as const;
export type ExpertImportColumn = (typeof expertImportColumns)[number]["key"];

/** A data row as read from the sheet: cell texts by column, and its row number in the sheet. */
export interface ExpertImportRawRow {
  row: number;
  cells: Partial<Record<ExpertImportColumn, string>>;
}

export const expertImportProblemKinds = [
  "missing",
  "badIdNumber",
  "unknownDiscipline",
  "unknownUnit",
  "duplicateInFile",
  "alreadyInPool",
  "badValue",
] as const;
export type ExpertImportProblemKind = (typeof expertImportProblemKinds)[number];

export interface ExpertImportProblem {
  /** The row number in the sheet (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column's Chinese header, as the person sees it in the sheet. */
  column: string;
  kind: ExpertImportProblemKind;
  reasonZh: string;
  reasonEn: string;
}

/** A clean row, ready to become an account and a profile. */
export interface ExpertImportRow {
  row: number;
  username: string;
  displayName: string;
  idNumber: string;
  unitId: string;
  disciplines: string[];
  title: string;
  keywords: string[];
  region: string;
  phone: string | null;
  email: string | null;
  availability: AvailabilityWindow[];
}

export interface ExpertImportContext {
  /** Units of the city by their USCC. */
  unitIdByUscc: ReadonlyMap<string, string>;
  /** The keyed digest of an ID number (equal numbers, equal digests). */
  digestOf: (idNumber: string) => string;
  /** Usernames and ID-number digests held by accounts already. */
  takenUsernames: ReadonlySet<string>;
  takenDigests: ReadonlySet<string>;
  now: Date;
}

export const expertImportLimits = { maxRows: 500, maxBytes: 2 * 1024 * 1024 } as const;

const headerOf = (key: ExpertImportColumn) => expertImportColumns.find((c) => c.key === key)?.headerZh ?? key;
/** Lists in a cell: separated by Chinese or Latin semicolons, commas, 、 or line breaks. */
const listOf = (text: string | undefined) =>
  (text ?? "")
    .split(/[;；,，、\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const phonePattern = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const windowPattern = /^(\d{4}-\d{2}-\d{2})\s*(?:~|～|至|--)\s*(\d{4}-\d{2}-\d{2})$/;
const realDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d && d >= "1900" && d <= "2100-12-31";
};

/**
 * Checks every row and answers every problem; the rows come back only when there is none. Duplicates
 * are judged by username and by ID number (its digest), within the file and against the accounts
 * that exist; the database's unique indexes still decide a race between two imports.
 */
export function checkExpertImport(
  raw: readonly ExpertImportRawRow[],
  ctx: ExpertImportContext,
): { ok: true; rows: ExpertImportRow[] } | { ok: false; problems: ExpertImportProblem[] } {
  const problems: ExpertImportProblem[] = [];
  const rows: ExpertImportRow[] = [];
  const seenUsername = new Map<string, number>();
  const seenDigest = new Map<string, number>();

  for (const { row, cells } of raw) {
    const add = (
      key: ExpertImportColumn,
      kind: ExpertImportProblemKind,
      reasonZh: string,
      reasonEn: string,
    ) => problems.push({ row, column: headerOf(key), kind, reasonZh, reasonEn });
    const text = (key: ExpertImportColumn) => (cells[key] ?? "").trim();
    const before = problems.length;

    for (const c of expertImportColumns)
      if (c.required && !text(c.key))
        add(c.key, "missing", `${c.headerZh}不能为空`, `${c.headerEn} is required`);

    const username = text("username").toLowerCase();
    if (username) {
      if (!usernamePattern.test(username)) {
        add(
          "username",
          "badValue",
          "用户名须为3至32位小写字母、数字、点、下划线或连字符，以字母或数字开头",
          "3–32 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit",
        );
      } else if (ctx.takenUsernames.has(username)) {
        add(
          "username",
          "alreadyInPool",
          `用户名“${username}”已被使用`,
          `The username "${username}" is taken`,
        );
      } else if (seenUsername.has(username)) {
        add(
          "username",
          "duplicateInFile",
          `用户名与第${seenUsername.get(username)}行重复`,
          `Same username as row ${seenUsername.get(username)}`,
        );
      } else seenUsername.set(username, row);
    }

    const idNumber = text("idNumber").toUpperCase();
    if (idNumber) {
      const v = validateResidentId(idNumber, { at: ctx.now });
      if (!v.ok) add("idNumber", "badIdNumber", v.messageZh, v.messageEn);
      else {
        const digest = ctx.digestOf(idNumber);
        if (ctx.takenDigests.has(digest)) {
          add("idNumber", "alreadyInPool", "该身份证号已有账号", "An account with this ID number exists");
        } else if (seenDigest.has(digest)) {
          add(
            "idNumber",
            "duplicateInFile",
            `身份证号与第${seenDigest.get(digest)}行重复`,
            `Same ID number as row ${seenDigest.get(digest)}`,
          );
        } else seenDigest.set(digest, row);
      }
    }

    const uscc = text("unitUscc").toUpperCase();
    const unitId = uscc ? ctx.unitIdByUscc.get(uscc) : undefined;
    if (uscc && !unitId)
      add(
        "unitUscc",
        "unknownUnit",
        `本市没有统一社会信用代码为“${uscc}”的单位，请先登记单位`,
        `No unit of the city has the code "${uscc}"; register the unit first`,
      );

    const codes = listOf(cells.disciplines);
    for (const code of codes)
      if (!disciplineOf(code))
        add(
          "disciplines",
          "unknownDiscipline",
          `学科代码“${code}”不在 GB/T 13745 代码表中`,
          `"${code}" is not a GB/T 13745 discipline code`,
        );

    const displayName = text("displayName");
    if (displayName.length > 50) add("displayName", "badValue", "姓名不超过50字", "At most 50 characters");
    const title = text("title");
    if (title.length > 50) add("title", "badValue", "职称不超过50字", "At most 50 characters");
    const keywords = normaliseKeywords(listOf(cells.keywords));
    if (keywords.length > 20 || keywords.some((k) => k.length > 30))
      add("keywords", "badValue", "关键词至多20个，每个不超过30字", "At most 20 keywords of 30 characters");
    const region = text("region");
    if (region.length > 50) add("region", "badValue", "所在地区不超过50字", "At most 50 characters");
    const phone = text("phone");
    if (phone && !phonePattern.test(phone))
      add("phone", "badValue", "手机或电话号码格式不正确", "Not a mobile or telephone number");
    const email = text("email");
    if (email && (!emailPattern.test(email) || email.length > 100))
      add("email", "badValue", "电子邮箱格式不正确", "Not an email address");
    const availability: AvailabilityWindow[] = [];
    for (const part of listOf(cells.availability)) {
      const m = windowPattern.exec(part);
      const [from, until] = [m?.[1] ?? "", m?.[2] ?? ""];
      if (!m || !realDay(from) || !realDay(until) || from > until) {
        add(
          "availability",
          "badValue",
          `时段“${part}”应写作 2026-03-01~2026-06-30，且起不晚于止`,
          `Write "${part}" as 2026-03-01~2026-06-30, starting no later than it ends`,
        );
      } else availability.push({ from, until });
    }

    if (problems.length === before && unitId) {
      rows.push({
        row,
        username,
        displayName,
        idNumber,
        unitId,
        disciplines: [...new Set(codes)],
        title,
        keywords,
        region,
        phone: phone || null,
        email: email || null,
        availability,
      });
    }
  }
  if (raw.length === 0)
    problems.push({
      row: 0,
      column: "",
      kind: "missing",
      reasonZh: "文件中没有专家数据行（第1行为表头）",
      reasonEn: "The file has no expert rows (row 1 is the header)",
    });
  if (raw.length > expertImportLimits.maxRows)
    problems.push({
      row: 0,
      column: "",
      kind: "badValue",
      reasonZh: `一次至多导入${expertImportLimits.maxRows}名专家（文件有${raw.length}行）`,
      reasonEn: `At most ${expertImportLimits.maxRows} experts per file (it has ${raw.length} rows)`,
    });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
