import type { PolicyCategory } from "../../api/policies";

/** Used until the city's policy has loaded, and for any category it leaves out; names follow the glossary. */
export const defaultCategories: PolicyCategory[] = [
  { code: "equipment", group: "equipment", nameZh: "设备费", nameEn: "Equipment" },
  { code: "materials", group: "business", nameZh: "材料费", nameEn: "Materials" },
  { code: "testing", group: "business", nameZh: "测试化验加工费", nameEn: "Testing and processing" },
  { code: "fuelPower", group: "business", nameZh: "燃料动力费", nameEn: "Fuel and power" },
  {
    code: "publicationIp",
    group: "business",
    nameZh: "出版/文献/信息传播/知识产权事务费",
    nameEn: "Publication, literature and IP",
  },
  {
    code: "travelMeetings",
    group: "business",
    nameZh: "差旅费/会议费/国际合作与交流费",
    nameEn: "Travel and meetings",
  },
  { code: "hiredStaff", group: "labour", nameZh: "聘用人员劳务费", nameEn: "Hired staff" },
  { code: "expertConsulting", group: "labour", nameZh: "专家咨询费", nameEn: "Expert consulting" },
  { code: "otherExpenses", group: "labour", nameZh: "其他支出", nameEn: "Other expenses" },
  { code: "indirect", group: "indirect", nameZh: "间接费用", nameEn: "Indirect cost" },
];

export function categoriesFrom(policyCategories: PolicyCategory[] | undefined): PolicyCategory[] {
  if (!policyCategories?.length) return defaultCategories;
  const known = new Set(policyCategories.map((c) => c.code));
  return [...policyCategories, ...defaultCategories.filter((c) => !known.has(c.code))];
}
