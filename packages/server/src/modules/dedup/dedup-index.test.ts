import { seededRandom } from "@luoshu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { DedupIndex, type DedupRow, dedupText } from "./dedup-index.ts";

const VOCABULARY = (
  "轴承 检测 智能 算法 平台 数据 材料 合金 涂层 工艺 装备 机器人 传感器 芯片 封装 电池 储能 氢能 光伏 " +
  "农业 育种 医药 疫苗 诊断 影像 文旅 数字 孪生 网络 安全 耐磨 高温 精密 加工 焊接 铸造 锻造 控制 系统 " +
  "模型 仿真 优化 监测 预警 节能 减排 环保 污水 土壤 牡丹 种质 资源 石化 炼化 催化 矿山 钼 钨 稀土"
).split(" ");

const CITY = "luoyang";
const THRESHOLD = 0.3;

function makeRandom(seed: number) {
  const next = seededRandom(seed);
  return (n: number) => next() % n;
}

function makeText(random: (n: number) => number, sentences: number): string {
  return Array.from(
    { length: sentences },
    () => `${Array.from({ length: 6 + random(6) }, () => VOCABULARY[random(VOCABULARY.length)]).join("")}。`,
  ).join("");
}

/** Reorders the sentences and rewrites about a fifth of them. */
function disguise(random: (n: number) => number, text: string): string {
  const sentences = text.split("。").filter(Boolean);
  const out = sentences.map((s) => (random(5) === 0 ? makeText(random, 1).slice(0, -1) : s));
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return `${out.join("。")}。`;
}

const random = makeRandom(42);
const rows: DedupRow[] = Array.from({ length: 300 }, (_, i) => ({
  id: `p${i}`,
  cityId: CITY,
  kind: i % 3 === 0 ? "project" : "application",
  title: `${VOCABULARY[i % VOCABULARY.length]}关键技术研究`,
  text: makeText(random, 12),
}));
const original = rows[7] as DedupRow;
const copy = dedupText({ title: original.title, text: disguise(random, original.text) });

let index: DedupIndex;
beforeAll(() => {
  index = new DedupIndex({ indexThreshold: THRESHOLD });
  index.rebuild([...rows, { ...original, id: "other-city", cityId: "datong" }]);
});

describe("DedupIndex", () => {
  it("finds a reordered and partly rewritten copy, verified exactly, with passages to highlight", () => {
    const [match, ...rest] = index.query(CITY, copy, { threshold: THRESHOLD });
    expect(match?.id).toBe("p7");
    expect(match?.kind).toBe("application");
    expect(match?.similarity).toBeGreaterThanOrEqual(THRESHOLD);
    expect(match?.similarity).toBe(index.scan(CITY, copy, { threshold: THRESHOLD })[0]?.similarity);
    expect(match?.text).toBe(dedupText(original));
    expect(rest.every((m) => m.similarity <= (match?.similarity ?? 0))).toBe(true);
    const passages = match?.passages ?? [];
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(copy.slice(p.a.start, p.a.end).length).toBeGreaterThan(0);
      expect(match?.text.slice(p.b.start, p.b.end).length).toBeGreaterThan(0);
      expect(p.a.highlights.length).toBeGreaterThan(0);
    }
  });

  it("agrees with the exact full scan for every indexed text", () => {
    for (const row of rows) {
      const text = dedupText(row);
      const found = index
        .query(CITY, text, { threshold: 0.5, limit: 1000, excludeId: row.id })
        .map((m) => m.id);
      expect(found).toEqual(index.scan(CITY, text, { threshold: 0.5, excludeId: row.id }).map((m) => m.id));
    }
    expect(index.query(CITY, dedupText(original), { threshold: 0.99 }).map((m) => m.id)).toEqual(["p7"]);
  });

  it("keeps cities apart and leaves out the queried application itself", () => {
    const text = dedupText(original);
    expect(index.query(CITY, text, { threshold: 0.99, excludeId: "p7" })).toEqual([]);
    expect(index.query("datong", text, { threshold: 0.99 }).map((m) => m.id)).toEqual(["other-city"]);
    expect(index.query("nowhere", text, { threshold: 0.3 })).toEqual([]);
  });

  it("falls back to a full scan for a threshold below the one it was tuned for", () => {
    const low = index.query(CITY, copy, { threshold: 0.1, limit: 1000 }).map((m) => m.id);
    expect(low).toEqual(index.scan(CITY, copy, { threshold: 0.1 }).map((m) => m.id));
  });

  it("follows upsert and remove, and rebuild starts over", () => {
    const local = new DedupIndex({ indexThreshold: THRESHOLD });
    local.rebuild(rows.slice(0, 20));
    const text = dedupText(rows[3] as DedupRow);
    expect(local.query(CITY, text, { threshold: 0.9 }).map((m) => m.id)).toEqual(["p3"]);

    local.upsert({ ...(rows[3] as DedupRow), text: makeText(random, 12) });
    expect(local.query(CITY, text, { threshold: 0.9 })).toEqual([]);
    local.upsert({ ...(rows[3] as DedupRow), id: "p3-project", kind: "project" });
    expect(local.query(CITY, text, { threshold: 0.9 }).map((m) => [m.id, m.kind])).toEqual([
      ["p3-project", "project"],
    ]);

    expect(local.remove(CITY, "p3-project")).toBe(true);
    expect(local.remove(CITY, "p3-project")).toBe(false);
    expect(local.query(CITY, text, { threshold: 0.9 })).toEqual([]);
    expect(local.size(CITY)).toBe(20);

    local.rebuild([]);
    expect(local.size(CITY)).toBe(0);
  });

  it("returns at most `limit` matches, best first, and nothing for a text without words", () => {
    const local = new DedupIndex();
    const base = rows[0] as DedupRow;
    local.rebuild(Array.from({ length: 5 }, (_, i) => ({ ...base, id: `same${i}` })));
    const matches = local.query(CITY, dedupText(base), { threshold: 0.3, limit: 3 });
    expect(matches.map((m) => m.id)).toEqual(["same0", "same1", "same2"]);
    expect(local.query(CITY, "。，！", { threshold: 0.3 })).toEqual([]);
    local.upsert({ ...base, id: "blank", title: "", text: "" });
    expect(local.query(CITY, dedupText(base), { threshold: 0.3, limit: 10 }).map((m) => m.id)).not.toContain(
      "blank",
    );
  });
});
