import { makeResidentId, maskResidentId } from "@luoshu/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { FieldCipher } from "../../lib/sm-crypto.ts";
import type { Audit } from "../../lib/transaction.ts";
import type { Tx } from "../client.ts";
import { expertProfiles, userRoles, users } from "../schema/index.ts";
import type { DemoCity } from "./demo-data.ts";

/**
 * The demo expert pool: 40 generated experts per city across its six units (usernames
 * `<prefix>-expert-01` … `-40`, names and ID numbers made deterministically, the demo password),
 * plus a profile for the named demo login `<prefix>-expert`. Disciplines follow what each unit does.
 */
export const demoExpertsPerCity = 40;

const surnames = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
];
const givenNames = [
  "建华",
  "志强",
  "丽娟",
  "晓东",
  "文博",
  "海燕",
  "国庆",
  "秀英",
  "立新",
  "春梅",
  "永刚",
  "思远",
  "雅琴",
  "振宇",
  "静怡",
  "明哲",
];

/** By unit key: disciplines (GB/T 13745), titles and research keywords. */
const fieldsByUnit: Record<string, { disciplines: string[][]; titles: string[]; keywords: string[] }> = {
  bearing: {
    disciplines: [["46020", "46025"], ["46015"], ["46045", "47030"], ["44060", "46020"]],
    titles: ["正高级工程师", "高级工程师"],
    keywords: ["轴承", "寿命预测", "故障诊断", "精密加工", "摩擦学", "煤机装备"],
  },
  materials: {
    disciplines: [["43040"], ["43055", "43035"], ["43065"], ["48040", "430"]],
    titles: ["正高级工程师", "高级工程师", "研究员"],
    keywords: ["高温合金", "复合材料", "纳米涂层", "氢能", "储能材料", "热处理"],
  },
  university: {
    disciplines: [["52020"], ["52040", "52060"], ["51040"], ["63035"], ["79041", "63040"], ["46020"]],
    titles: ["教授", "副教授", "教授"],
    keywords: ["人工智能", "工业软件", "数字孪生", "科技管理", "技术经济", "智能制造"],
  },
  institute: {
    disciplines: [["21030"], ["21060"], ["21050", "61050"], ["55020"], ["79059"]],
    titles: ["研究员", "副研究员"],
    keywords: ["小麦育种", "病虫害防治", "土壤改良", "农产品加工", "牡丹", "杂粮"],
  },
  hospital: {
    disciplines: [["32024"], ["32027"], ["32067"], ["33021", "33091"]],
    titles: ["主任医师", "副主任医师"],
    keywords: ["心血管", "微创外科", "肿瘤", "流行病学", "医院管理", "康复"],
  },
  rdInstitution: {
    disciplines: [["48040", "47040"], ["61030"], ["52060", "51050"], ["48050"]],
    titles: ["研究员", "高级工程师"],
    keywords: ["储能", "电力电子", "环境工程", "工业互联网", "节能", "碳排放"],
  },
};

export interface DemoExpert {
  username: string;
  displayName: string;
  idNumber: string;
  unitKey: string;
  disciplines: string[];
  keywords: string[];
  title: string;
  region: string;
  availability: { from: string; until: string }[];
  phone: string;
  email: string;
  suspensionReason: string | null;
}

/** The generated experts of one city, the same on every run. */
export function demoExpertsOf(city: DemoCity, now: Date): DemoExpert[] {
  const year = now.getUTCFullYear();
  // the laboratory keeps no experts in the pool: its committee is drawn from elsewhere
  const homes = city.units.filter((u) => u.kind !== "laboratory");
  return Array.from({ length: demoExpertsPerCity }, (_, i) => {
    const unit = homes[i % homes.length];
    // The expert's place among its unit's experts: the unit's fields vary across them.
    const j = Math.floor(i / homes.length);
    if (!unit) throw new Error("a demo city has units");
    const f = fieldsByUnit[unit.key] ?? fieldsByUnit.university;
    if (!f) throw new Error(`no fields for ${unit.key}`);
    const n = i + 1;
    const born = 1962 + ((i * 7) % 24);
    const month = String(1 + ((i * 5) % 12)).padStart(2, "0");
    const day = String(1 + ((i * 11) % 28)).padStart(2, "0");
    const username = `${city.prefix}-expert-${String(n).padStart(2, "0")}`;
    const district = city.districts.find((d) => d.code === unit.districtCode);
    return {
      username,
      displayName: `${surnames[(i * 3 + (city.prefix === "dt" ? 7 : 0)) % surnames.length]}${givenNames[(i * 5) % givenNames.length]}`,
      idNumber: makeResidentId(
        `${unit.districtCode}${born}${month}${day}${String(500 + n).padStart(3, "0")}`,
      ),
      unitKey: unit.key,
      disciplines: f.disciplines[j % f.disciplines.length] ?? [],
      keywords: [0, 1, 2].map((k) => f.keywords[(j + k * 2) % f.keywords.length] ?? "").filter(Boolean),
      title: f.titles[j % f.titles.length] ?? "教授",
      region: district?.nameZh ?? "",
      // Every third expert names the windows they can review in; the others are not restricted.
      // (the seed's year and the next, so that the demo works whenever it is started)
      availability: i % 3 === 0 ? [{ from: `${year}-01-01`, until: `${year + 1}-12-31` }] : [],
      phone: `139${(city.prefix === "ly" ? 37_900_000 : 35_200_000) + n}`,
      email: `${username}@experts.example.cn`,
      // One per city shows what a suspension looks like.
      suspensionReason: n === demoExpertsPerCity ? "2025年度评审中未按时提交评审意见，暂停一年。" : null,
    };
  });
}

/** Inserts the generated experts and the named demo expert's profile, in the seed's transaction. */
export async function seedDemoExperts(
  tx: Tx,
  audit: Audit,
  now: Date,
  input: { city: DemoCity; cipher: FieldCipher; passwordHash: string; unitIds: Record<string, string> },
) {
  const { city, cipher } = input;
  const experts = demoExpertsOf(city, now);
  const made = await tx
    .insert(users)
    .values(
      experts.map((e) => ({
        username: e.username,
        displayName: e.displayName,
        passwordHash: input.passwordHash,
        cityId: city.id,
        isDemo: 1,
        idNumberCipher: cipher.encrypt(e.idNumber),
        idNumberDigest: cipher.digest(e.idNumber),
        idNumberMasked: maskResidentId(e.idNumber),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: users.id, username: users.username });
  await tx.insert(userRoles).values(made.map((u) => ({ userId: u.id, role: "expert" })));
  const idOf = new Map(made.map((u) => [u.username, u.id]));
  const [named] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.cityId, city.id), inArray(users.username, [`${city.prefix}-expert`])));
  const rows = [
    ...(named
      ? [
          {
            userId: named.id,
            unitId: input.unitIds[`${city.id}/university`] ?? "",
            disciplines: ["46020", "52020"],
            keywords: ["智能制造", "故障诊断", "寿命预测"],
            title: "教授",
            region: city.districts[0]?.nameZh ?? "",
            availability: [{ from: "2026-01-01", until: "2026-12-31" }],
            phone: "13900000000",
            email: `${city.prefix}-expert@experts.example.cn`,
            suspensionReason: null,
          },
        ]
      : []),
    ...experts.map((e) => ({
      userId: idOf.get(e.username) ?? "",
      unitId: input.unitIds[`${city.id}/${e.unitKey}`] ?? "",
      disciplines: e.disciplines,
      keywords: e.keywords,
      title: e.title,
      region: e.region,
      availability: e.availability,
      phone: e.phone,
      email: e.email,
      suspensionReason: e.suspensionReason,
    })),
  ];
  const profiles = await tx
    .insert(expertProfiles)
    .values(
      rows.map(({ suspensionReason, ...r }) => ({
        ...r,
        cityId: city.id,
        status: suspensionReason ? ("suspended" as const) : ("active" as const),
        suspensionReason,
        suspendedAt: suspensionReason ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: expertProfiles.id, userId: expertProfiles.userId });
  for (const p of profiles) {
    audit({
      action: "expert.create",
      entityType: "expert",
      entityId: p.id,
      cityId: city.id,
      after: { userId: p.userId },
    });
  }
}
