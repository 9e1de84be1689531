import { makeResidentId } from "@luoshu/domain";
import { expect } from "vitest";
import type { Client } from "./test-app.ts";

// What the application tests share: a complete content, and the steps before a submission.

/** A one-page PDF that a reader opens (uploads are opened with pdf.js, not only sniffed). */
export const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const piId = makeResidentId("41030519860312001");

export const fullContent = (title = "洛阳都市圈创新生态研究") => ({
  basic: {
    title,
    abstract: "研究洛阳都市圈创新生态建设路径。",
    keywords: "创新生态",
    field: "policyRegulation",
    startDate: "2026-04-01",
    endDate: "2027-03-31",
  },
  content: {
    researchContent: "一、现状评估；二、国内外比较；三、对策建议。",
    objectives: "形成研究报告一份。",
  },
  targets: [{ kind: "other", description: "研究报告", value: 1, unit: "份" }],
  milestones: [{ dueDate: "2026-10-01", description: "完成中期报告", deliverable: "中期报告" }],
  team: [
    {
      name: "周博",
      role: "pi",
      title: "研究员",
      unitName: "洛阳示范轴承科技有限公司",
      workMonths: 6,
      idNumber: piId,
    },
  ],
  budget: {
    lines: [
      { category: "publicationIp", amountFen: 1_500_000 },
      { category: "travelMeetings", amountFen: 1_000_000 },
    ],
  },
  funding: { selfRaisedFen: 500_000, coFundingFen: 0 },
});

export async function startApplication(client: Client, callId: string, title = "洛阳都市圈创新生态研究") {
  const res = await client.post("/api/applications", { callId, title });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Content, both commitment confirmations and the signed scan: ready to submit. */
export async function prepareForSubmission(
  pi: Client,
  unit: Client,
  id: string,
  content: object = fullContent(),
) {
  expect((await pi.put(`/api/applications/${id}/content`, content)).status).toBe(200);
  expect((await pi.post(`/api/applications/${id}/commitment`, { as: "pi" })).status).toBe(200);
  expect((await unit.post(`/api/applications/${id}/commitment`, { as: "unit" })).status).toBe(200);
  const up = await pi.request("PUT", `/api/applications/${id}/attachments/commitmentScan`, pdf, {
    "content-type": "application/octet-stream",
    "x-file-name": encodeURIComponent("承诺书.pdf"),
  });
  expect(up.status).toBe(200);
}
