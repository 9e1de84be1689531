import type { ApplicationPdfData } from "../lib/documents/application-pdf.ts";
import type { CommitmentLetterData } from "../lib/documents/commitment-letter.ts";

/** Realistic sample inputs for the tests and for looking at the rendered pages by eye. */

const generatedAt = new Date("2025-03-18T06:30:00Z");

export const sampleCommitmentLetter: CommitmentLetterData = {
  cityNameZh: "洛阳市",
  addresseeZh: "洛阳市科学技术局",
  guideTitle: "2025年度洛阳市重大科技专项申报指南",
  callTitle: "2025年第一批重大科技专项",
  applicationNo: "LY-2025-ZD-000123",
  applicationTitle: "高端轴承用高氮不锈钢关键制备技术研究及产业化",
  unit: { name: "洛阳轴承研究所有限公司", uscc: "91410300MA44A8XX3K" },
  legalRepresentative: "王建国",
  principalInvestigator: "李晓梅",
  basis: [
    {
      code: "commitmentLetter",
      citation: "LY-FUNDS §24",
      documentTitleZh: "洛阳市应用技术研究与开发资金管理使用办法",
      textZh:
        "项目承担单位法定代表人、项目负责人在项目申报及编报预算时应当共同签署承诺书，保证所提供信息的真实性，并对信息虚假导致的后果承担责任。",
    },
    {
      code: "noRepeatFunding",
      citation: "LY-FUNDS §17",
      documentTitleZh: "洛阳市应用技术研究与开发资金管理使用办法",
      textZh: "同一项目已获得市级财政科技资金支持的，不得重复或变相重复申报（文件另有规定除外）。",
    },
  ],
  generatedAt,
};

const longBody = [
  "围绕高端轴承对材料纯净度、耐蚀性和接触疲劳寿命的要求，研究加压电渣重熔条件下氮的溶解与析出规律，建立氮含量—组织—性能的定量关系模型，突破高氮不锈钢均质化冶炼与热加工开裂控制技术。",
  "研究真空渗氮与深冷处理复合工艺对表层残余应力和碳氮化物分布的影响，形成适用于航空发动机主轴轴承（内径 120 mm 以上）的热处理工艺规范；开展台架寿命试验，验证 L10 寿命不低于 3 倍基准值。",
  "建设年产 500 吨高氮不锈钢棒材示范线，完成工艺固化和质量体系认证，实现在风电主轴承、机床主轴轴承领域的批量应用。",
].join("\n");

export const sampleApplication: ApplicationPdfData = {
  header: {
    cityNameZh: "洛阳市",
    guideTitle: "2025年度洛阳市重大科技专项申报指南",
    callTitle: "2025年第一批重大科技专项",
    applicationNo: "LY-2025-ZD-000123",
    revision: 2,
  },
  basics: {
    title: "高端轴承用高氮不锈钢关键制备技术研究及产业化",
    programNameZh: "重大科技专项",
    subKindNameZh: "先进制造",
    unit: {
      name: "洛阳轴承研究所有限公司",
      uscc: "91410300MA44A8XX3K",
      districtNameZh: "涧西区",
      address: "河南省洛阳市涧西区建设路 96 号",
    },
    principalInvestigator: {
      name: "李晓梅",
      titleZh: "正高级工程师",
      phone: "0379-6425xxxx",
      email: "lixm@example.cn",
    },
    startDate: "2025-07-01",
    endDate: "2027-06-30",
    keywords: ["高氮不锈钢", "加压电渣重熔", "轴承", "接触疲劳"],
    summary:
      "本项目面向航空、风电等领域高端轴承国产化需求，研究高氮不锈钢加压冶炼、热加工与表面强化关键技术，建成示范生产线，形成具有自主知识产权的成套工艺，支撑洛阳轴承产业集群向高端化发展。",
  },
  research: [
    { titleZh: "（一）主要研究内容", body: longBody },
    {
      titleZh: "（二）技术路线",
      body: "材料设计 → 加压电渣重熔 → 锻造与热处理 → 表面强化 → 台架试验 → 示范线建设与应用验证。",
    },
    {
      titleZh: "（三）创新点",
      body: "提出氮分压—温度协同控制的均质化冶炼方法；建立表层残余应力调控的复合热处理工艺。",
    },
  ],
  targets: [
    { kindZh: "技术指标", description: "材料氮含量（质量分数）", value: "0.45–0.55", unit: "%" },
    { kindZh: "技术指标", description: "轴承 L10 额定寿命（相对 GCr15 基准）", value: "≥3", unit: "倍" },
    { kindZh: "知识产权", description: "申请发明专利", value: "5", unit: "件" },
    { kindZh: "标准", description: "制定企业标准或团体标准", value: "2", unit: "项" },
    { kindZh: "经济指标", description: "项目执行期内新增销售收入", value: "3000", unit: "万元" },
    { kindZh: "人才培养", description: "培养青年科技骨干（35 周岁以下）", value: "4", unit: "人" },
  ],
  milestones: [
    {
      dueDate: "2025-12-31",
      description: "完成材料成分设计与加压电渣重熔工艺试验",
      deliverable: "工艺试验报告",
    },
    {
      dueDate: "2026-06-30",
      description: "完成锻造及复合热处理工艺开发，样件性能达标",
      deliverable: "样件检测报告",
    },
    {
      dueDate: "2026-12-31",
      description: "完成台架寿命试验，中期评估",
      deliverable: "台架试验报告、中期报告",
    },
    {
      dueDate: "2027-06-30",
      description: "示范线建成投产，完成用户验证",
      deliverable: "示范线、用户应用证明",
    },
  ],
  team: [
    {
      name: "李晓梅",
      idNumberMasked: "4103**********2024",
      age: 46,
      youth: false,
      titleZh: "正高级工程师",
      unitName: "洛阳轴承研究所有限公司",
      roleZh: "项目负责人，总体设计",
      workMonths: 10,
    },
    {
      name: "张伟",
      idNumberMasked: "4103**********3417",
      age: 33,
      youth: true,
      titleZh: "高级工程师",
      unitName: "洛阳轴承研究所有限公司",
      roleZh: "冶炼工艺",
      workMonths: 10,
    },
    {
      name: "欧阳思远",
      idNumberMasked: "4101**********001X",
      age: 29,
      youth: true,
      titleZh: "讲师",
      unitName: "河南科技大学材料科学与工程学院",
      roleZh: "组织与性能表征",
      workMonths: 6,
    },
  ],
  partners: [
    {
      name: "河南科技大学",
      uscc: "12410000416001010X",
      roleZh: "参与单位",
      taskZh: "材料组织性能表征、疲劳机理研究",
    },
  ],
  budget: {
    lines: [
      {
        categoryNameZh: "设备费",
        group: "equipment",
        amountFen: 120_000_000,
        note: "真空渗氮炉 1 台（购置）",
      },
      {
        categoryNameZh: "材料费",
        group: "business",
        amountFen: 85_000_000,
        note: "合金原料、电极、试验轴承套圈",
      },
      { categoryNameZh: "测试化验加工费", group: "business", amountFen: 42_050_000 },
      { categoryNameZh: "燃料动力费", group: "business", amountFen: 18_000_000 },
      { categoryNameZh: "出版/文献/信息传播/知识产权事务费", group: "business", amountFen: 6_000_000 },
      { categoryNameZh: "差旅费/会议费/国际合作与交流费", group: "business", amountFen: 8_000_000 },
      { categoryNameZh: "聘用人员劳务费", group: "labour", amountFen: 24_000_000 },
      { categoryNameZh: "专家咨询费", group: "labour", amountFen: 3_000_000 },
      { categoryNameZh: "其他支出", group: "labour", amountFen: 0 },
      { categoryNameZh: "间接费用", group: "indirect", amountFen: 50_000_000 },
    ],
    selfRaisedFen: 712_345_678,
    coFundingFen: 50_000_000,
  },
  generatedAt,
};
