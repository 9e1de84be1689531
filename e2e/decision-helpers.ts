import { chinaDateOf } from "@luoshu/domain";
import type { Browser, Page } from "playwright-core";
import {
  completeReview,
  type DemoProject,
  entrustDemoCall,
  type LoginAs,
  ok,
  passDemoApplications,
} from "../packages/server/src/db/seed/demo-review.ts";
import type { Client } from "../packages/server/src/lib/inject-client.ts";
import { apiLogin } from "./api-client.ts";
import { signIn } from "./flow-helpers.ts";

/**
 * What the decision walk (decision.test.ts) needs before its browser part: each city's second demo
 * call reviewed to the end through the API, and sign-ins kept under the login route's limit.
 */

/**
 * The login route takes 30 attempts a minute from one address (a fixed window on the server's
 * clock, whose minutes are the machine's: the test clock moves by whole days). Every sign-in of the
 * walk, API or browser, takes a slot here and waits for the next minute when the window is full.
 */
const slots = { window: 0, used: 0 };
async function loginSlot() {
  for (;;) {
    const w = Math.floor(Date.now() / 60_000);
    if (w !== slots.window) Object.assign(slots, { window: w, used: 0 });
    if (slots.used < 27) {
      slots.used += 1;
      return;
    }
    await new Promise((r) => setTimeout(r, (w + 1) * 60_000 - Date.now() + 500));
  }
}

/** One API session per account, reused (the setup runs before any clock jump idles them out). */
export function apiSessions(url: string) {
  const sessions = new Map<string, Promise<Client & { dispose(): Promise<void> }>>();
  const as: LoginAs = (username) => {
    if (!sessions.has(username))
      sessions.set(
        username,
        loginSlot().then(() => apiLogin(url, username)),
      );
    return sessions.get(username) as Promise<Client>;
  };
  const dispose = async () => {
    for (const s of sessions.values()) await (await s.catch(() => null))?.dispose();
  };
  return { as, dispose };
}

/** A fresh browser context signed in as `username`, within the login limit. */
export async function signInAs(browser: Browser, url: string, username: string): Promise<Page> {
  await loginSlot();
  return signIn(browser, url, username);
}

/**
 * Moves the server's clock forward (LUOSHU_TEST_CLOCK=1); sessions idle out, so sign in again after.
 * Answers the server's time after the move.
 */
export async function advanceClock(url: string, days: number): Promise<Date> {
  const res = await fetch(`${url}/api/test-clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ days }),
  });
  if (!res.ok) throw new Error(`test clock: ${res.status} ${await res.text()}`);
  Object.assign(slots, { used: 0 }); // the server's login window starts again on the new day
  return new Date(((await res.json()) as { now: string }).now);
}

/**
 * The server's clock as a test sees it: it runs ahead of the machine's once the test has moved it
 * (`advance`), and `now` is the server's time.
 */
export function serverClock(live: { url: string }) {
  let aheadMs = 0;
  return {
    now: () => new Date(Date.now() + aheadMs),
    async advance(days: number) {
      aheadMs = (await advanceClock(live.url, days)).getTime() - Date.now();
    },
  };
}

/** Today as the browser's date pickers see it (the machine's time zone), YYYY-MM-DD. */
export function localToday(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The minutes of the meeting, as the officer uploads them: a one-page PDF. */
export const minutesPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const project = (title: string, abstract: string, keywords: string): DemoProject => ({
  title,
  abstract,
  keywords,
  researchContent: "一、现状调研；二、比较分析；三、对策建议。",
});

/** Each city's three applications of the walk, best first (scores 88, 82, 76). */
const projects: Record<"ly" | "dt", DemoProject[]> = {
  ly: [
    project("洛阳市创新联合体组建机制研究", "研究龙头企业牵头组建创新联合体的机制。", "创新联合体；机制"),
    project("伊洛河流域生态科技支撑研究", "研究流域生态保护的科技支撑体系。", "流域生态；科技支撑"),
    project("洛阳市科技人才引育政策评估", "评估本市科技人才引进与培育政策的效果。", "科技人才；政策评估"),
  ],
  dt: [
    project("大同市光伏产业创新链布局研究", "研究光伏产业链与创新链的融合布局。", "光伏；创新链"),
    project("大同黄花产业科技赋能研究", "研究黄花种植加工的关键技术需求与推广。", "黄花；农业科技"),
    project("大同市科技服务业发展对策研究", "研究科技服务业的发展现状与对策。", "科技服务业；对策"),
  ],
};
const scores = [88, 82, 76];

export interface CityCall {
  callId: string;
  /** The list's year (the call's), which the control number and the project numbers carry. */
  year: number;
  /** Best first: ids[0] ranks 1. */
  ids: string[];
  numbers: string[];
  titles: string[];
  /** Everyone who reviewed the call: never shown to the applicant. */
  expertNames: string[];
}

/**
 * The city's second demo call through the district, the formal check and a completed expert review
 * (three reviewers per application, to keep the experts' sign-ins few), as the API tests walk it.
 */
export async function reviewedCall(as: LoginAs, prefix: "ly" | "dt"): Promise<CityCall> {
  const year = Number(chinaDateOf(new Date()).slice(0, 4));
  const mine = projects[prefix];
  const { callId, ids } = await passDemoApplications(as, prefix, year, 3, { callIndex: 1, projects: mine });
  if (prefix === "ly") await entrustDemoCall(as, callId, year);
  const organiser = await as(prefix === "ly" ? "ly-agency" : "dt-officer");
  const plan = await ok(organiser, "POST", "/api/review-plans", { callId });
  await ok(organiser, "PUT", `/api/review-plans/${plan.id}/settings`, {
    ...plan.settings,
    reviewersPerApplication: 3,
  });
  await ok(organiser, "POST", `/api/review-plans/${plan.id}/assign`);
  await ok(organiser, "POST", `/api/review-plans/${plan.id}/publish`);
  await completeReview(as, organiser, plan.id, (id) => scores[ids.indexOf(id)] ?? 60);
  type Item = { applicationId: string; number: string; assignments: { expert: { displayName: string } }[] };
  const items = (await ok(organiser, "GET", `/api/review-plans/${plan.id}`)).items as Item[];
  const calls = await ok(await as(`${prefix}-officer`), "GET", "/api/decisions");
  const call = (calls.items ?? calls).find((c: { callId: string }) => c.callId === callId);
  if (!call) throw new Error(`the call ${callId} is not ready for a decision`);
  return {
    callId,
    year: call.year,
    ids,
    numbers: ids.map((id) => items.find((i) => i.applicationId === id)?.number ?? ""),
    titles: mine.map((p) => p.title),
    expertNames: [...new Set(items.flatMap((i) => i.assignments.map((a) => a.expert.displayName)))],
  };
}
