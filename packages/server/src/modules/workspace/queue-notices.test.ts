import { describe, expect, it } from "vitest";
import { applicantSession } from "../../test/applicant-session.ts";
import { prepareForSubmission, startApplication } from "../../test/application-fixtures.ts";
import type { Client } from "../../test/test-app.ts";

const s = applicantSession();

type Notice = { titleZh: string; link: string; read: boolean };
const noticesFor = async (c: Client, id: string): Promise<Notice[]> =>
  (await c.get("/api/notifications")).body.filter((n: Notice) => n.link === `/applications/${id}`);

describe("work reaches the people who must do it", () => {
  it("tells the district's officers of a submission, and the agency's of a recommendation", async () => {
    const district = await s.t.as("ly-district");
    const agency = await s.t.as("ly-agency");
    const otherCity = await s.t.as("dt-district");
    const id = await startApplication(s.pi, s.callId);
    await prepareForSubmission(s.pi, s.unit, id);
    expect((await s.pi.post(`/api/applications/${id}/submit`)).status).toBe(200);

    const arrived = await noticesFor(district, id);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ titleZh: "待县区初审：申报书“洛阳都市圈创新生态研究”", read: false });
    expect(await noticesFor(agency, id)).toEqual([]);
    expect(await noticesFor(otherCity, id)).toEqual([]);

    await district.post(`/api/applications/${id}/district-review`, { event: "recommend", rank: 1 });
    const forAgency = await noticesFor(agency, id);
    expect(forAgency).toHaveLength(1);
    expect(forAgency[0]?.titleZh).toBe("待形式审查：申报书“洛阳都市圈创新生态研究”");
    expect(await noticesFor(district, id)).toHaveLength(1);
  });

  it("opens from a workspace tile the very list the tile counts", async () => {
    const id = await startApplication(s.pi, s.callId);
    const tiles = (await s.unit.get("/api/workspace")).body.tasks as {
      key: string;
      link: string;
      count: number;
    }[];
    const drafts = tiles.find((x) => x.key === "myDrafts");
    expect(drafts?.link).toBe("/applications?editable=true");
    const list = await s.unit.get(`/api${drafts?.link}&pageSize=200`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(drafts?.count);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(list.body.items.every((a: { status: string }) => a.status !== "submitted")).toBe(true);
  });
});
