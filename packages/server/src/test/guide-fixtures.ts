import {
  type Guide,
  type GuideContent,
  type GuideContentInput,
  type GuideState,
  guideContentSchema,
} from "@luoshu/domain";

// What the unit tests of use cases share: one Luoyang soft-science guide, whose call is open on
// their fixed date (2026-03-02), each test replacing the fields it is about.

export const guideId = "00000000-0000-4000-8000-0000000000d1";

export function softScienceContent(over: Partial<GuideContentInput> = {}): GuideContent {
  return guideContentSchema.parse({
    titleZh: "2026年度洛阳市软科学研究计划项目申报指南",
    program: "softScience",
    year: 2026,
    directions: [{ titleZh: "科技创新战略规划研究" }],
    eligibility: { unitKinds: ["enterprise", "university"] },
    amountRange: { minFen: 0, maxFen: 3_000_000 },
    criteria: [{ nameZh: "综合", weight: 100 }],
    formalChecklist: [{ code: "complete", textZh: "申报书各部分填写完整" }],
    calls: [
      { nameZh: "第一批", opensAt: "2026-03-01T00:00:00+08:00", closesAt: "2026-05-31T17:00:00+08:00" },
    ],
    ...over,
  });
}

/** The guide as its repository returns it. */
export function softScienceGuide(
  status: GuideState,
  over: Partial<GuideContentInput> = {},
  at = new Date("2026-02-01T02:00:00Z"),
): Guide {
  const content = softScienceContent(over);
  return {
    id: guideId,
    cityId: "luoyang",
    policyVersion: "2025",
    program: content.program,
    year: content.year,
    titleZh: content.titleZh,
    status,
    createdBy: "00000000-0000-4000-8000-0000000000ff",
    createdAt: at,
    updatedAt: at,
    publishedAt: status === "published" ? at : null,
    content,
    // a Luoyang soft-science guide is pre-funded: published only once the finance bureau co-issued it
    coIssue: status === "published" ? { userId: "00000000-0000-4000-8000-0000000000fe", at } : null,
    capOverride: null,
  };
}
