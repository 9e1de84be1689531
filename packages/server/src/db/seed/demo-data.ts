import type { Role, UnitKind } from "@luoshu/domain";

/** Demo tenants: real district codes (GB/T 2260), fictional units and people. */
export interface DemoCity {
  id: "luoyang" | "datong";
  prefix: "ly" | "dt";
  nameZh: string;
  nameEn: string;
  divisionCode: string;
  districts: { code: string; nameZh: string; nameEn: string }[];
  units: {
    key: string;
    nameZh: string;
    kind: UnitKind;
    districtCode: string;
    legalRepresentative: string;
    usccPrefix: string;
  }[];
}

export const demoCities: DemoCity[] = [
  {
    id: "luoyang",
    prefix: "ly",
    nameZh: "洛阳市",
    nameEn: "Luoyang",
    divisionCode: "410300",
    districts: [
      { code: "410302", nameZh: "老城区", nameEn: "Laocheng" },
      { code: "410303", nameZh: "西工区", nameEn: "Xigong" },
      { code: "410305", nameZh: "涧西区", nameEn: "Jianxi" },
      { code: "410307", nameZh: "偃师区", nameEn: "Yanshi" },
      { code: "410311", nameZh: "洛龙区", nameEn: "Luolong" },
    ],
    units: [
      {
        key: "bearing",
        nameZh: "洛阳示范轴承科技有限公司",
        kind: "enterprise",
        districtCode: "410305",
        legalRepresentative: "王建国",
        usccPrefix: "91410305MA3XLY001",
      },
      {
        key: "materials",
        nameZh: "洛阳新材智造股份有限公司",
        kind: "enterprise",
        districtCode: "410311",
        legalRepresentative: "李晓梅",
        usccPrefix: "91410311MA3XLY002",
      },
      {
        key: "university",
        nameZh: "河洛示范理工大学",
        kind: "university",
        districtCode: "410311",
        legalRepresentative: "周文华",
        usccPrefix: "12410300MB1LY0003",
      },
      {
        key: "institute",
        nameZh: "洛阳市农业科学示范研究院",
        kind: "institute",
        districtCode: "410303",
        legalRepresentative: "陈立民",
        usccPrefix: "12410300MB1LY0004",
      },
      {
        key: "hospital",
        nameZh: "洛阳市第一示范医院",
        kind: "hospital",
        districtCode: "410302",
        legalRepresentative: "赵红梅",
        usccPrefix: "12410300MB1LY0005",
      },
      {
        key: "rdInstitution",
        nameZh: "洛阳伊洛新型研发研究院",
        kind: "newRdInstitution",
        districtCode: "410307",
        legalRepresentative: "孙志强",
        usccPrefix: "52410307MJ1LY0006",
      },
      {
        // the laboratory of Luoyang's joint research (LY-REFORM §二(二)); Datong's documents name none
        key: "laboratory",
        nameZh: "龙门示范实验室",
        kind: "laboratory",
        districtCode: "410311",
        legalRepresentative: "宋立新",
        usccPrefix: "12410300MB1LY0007",
      },
    ],
  },
  {
    id: "datong",
    prefix: "dt",
    nameZh: "大同市",
    nameEn: "Datong",
    divisionCode: "140200",
    districts: [
      { code: "140212", nameZh: "新荣区", nameEn: "Xinrong" },
      { code: "140213", nameZh: "平城区", nameEn: "Pingcheng" },
      { code: "140214", nameZh: "云冈区", nameEn: "Yungang" },
      { code: "140215", nameZh: "云州区", nameEn: "Yunzhou" },
    ],
    units: [
      {
        key: "bearing",
        nameZh: "大同示范煤机装备有限公司",
        kind: "enterprise",
        districtCode: "140213",
        legalRepresentative: "刘德胜",
        usccPrefix: "91140213MA0DT0001",
      },
      {
        key: "materials",
        nameZh: "大同氢能动力科技有限公司",
        kind: "enterprise",
        districtCode: "140214",
        legalRepresentative: "马丽娟",
        usccPrefix: "91140214MA0DT0002",
      },
      {
        key: "university",
        nameZh: "晋北示范理工学院",
        kind: "university",
        districtCode: "140213",
        legalRepresentative: "郭永明",
        usccPrefix: "12140200MB0DT0003",
      },
      {
        key: "institute",
        nameZh: "大同市农业技术示范研究所",
        kind: "institute",
        districtCode: "140215",
        legalRepresentative: "韩建军",
        usccPrefix: "12140200MB0DT0004",
      },
      {
        key: "hospital",
        nameZh: "大同市第三示范医院",
        kind: "hospital",
        districtCode: "140213",
        legalRepresentative: "杨秀兰",
        usccPrefix: "12140200MB0DT0005",
      },
      {
        key: "rdInstitution",
        nameZh: "大同云冈新型研发中心",
        kind: "newRdInstitution",
        districtCode: "140214",
        legalRepresentative: "高志远",
        usccPrefix: "52140214MJ0DT0006",
      },
    ],
  },
];

/**
 * One demo account per role and city, named `<city prefix>-<suffix>`; `unit2` administers the unit
 * under an eligibility ban (LY-FUNDS §25) or on the blacklist (DT-RULES §22).
 */
export const demoCityAccounts: {
  suffix: string;
  role: Role;
  nameZh: string;
  attach?: "district" | "unit" | "unit2" | "laboratory";
  idPrefix?: string;
}[] = [
  { suffix: "officer", role: "programOfficer", nameZh: "项目主管 张明" },
  { suffix: "leader", role: "bureauLeader", nameZh: "局领导 李华" },
  { suffix: "finance", role: "financeOfficer", nameZh: "财政局 王芳" },
  { suffix: "district", role: "districtOfficer", nameZh: "县区科技 赵强", attach: "district" },
  { suffix: "agency", role: "agencyOfficer", nameZh: "评审机构 刘洋" },
  { suffix: "unit", role: "unitAdmin", nameZh: "单位管理员 陈静", attach: "unit" },
  {
    suffix: "pi",
    role: "principalInvestigator",
    nameZh: "项目负责人 周博",
    attach: "unit",
    idPrefix: "19860312",
  },
  { suffix: "expert", role: "expert", nameZh: "评审专家 吴教授", idPrefix: "19700508" },
  { suffix: "fund", role: "fundManager", nameZh: "基金管理 郑伟" },
  { suffix: "unit2", role: "unitAdmin", nameZh: "受限单位管理员 钱进", attach: "unit2" },
  { suffix: "lab", role: "laboratoryApprover", nameZh: "实验室审定人 宋岩", attach: "laboratory" },
];

/** The city's demo accounts: the laboratory's only where the city has a laboratory. */
export const demoAccountsOf = (c: DemoCity) =>
  demoCityAccounts.filter((a) => a.attach !== "laboratory" || c.units.some((u) => u.kind === "laboratory"));

export const demoPlatformAccounts: { username: string; role: Role; displayName: string }[] = [
  { username: "sysadmin", role: "sysAdmin", displayName: "系统管理员" },
  { username: "secadmin", role: "secAdmin", displayName: "安全管理员" },
  { username: "auditor", role: "auditor", displayName: "安全审计员" },
];

export const demoPassword = "Luoshu@2025";

export const demoUsernames = [
  ...demoCities.flatMap((c) => demoAccountsOf(c).map((a) => `${c.prefix}-${a.suffix}`)),
  ...demoPlatformAccounts.map((p) => p.username),
];

/** The demo logins by city, for the sign-in page's help (never offered in production). */
export const demoAccountGroups = () => [
  ...demoCities.map((c) => ({
    labelZh: c.nameZh,
    labelEn: c.nameEn,
    usernames: demoAccountsOf(c).map((a) => `${c.prefix}-${a.suffix}`),
  })),
  {
    labelZh: "平台管理员（三员）",
    labelEn: "Platform administrators",
    usernames: demoPlatformAccounts.map((p) => p.username),
  },
];
