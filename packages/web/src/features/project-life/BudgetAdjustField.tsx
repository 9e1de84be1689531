import { formatYuan } from "@luoshu/domain";
import { Alert, Button, Input, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import type { PolicyCategory } from "../../api/policies";
import { type Lang, pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { YuanInput } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";
import { type BudgetLine, totalFen, yuanInputText } from "./changeText";

/** A line of the adjusted budget as typed: amounts in 元. */
export interface AdjustRow {
  category: string;
  amount: string;
  purchase: string;
  note: string;
}

/** A budget rule the server found the adjusted budget breaking, with its clause. */
export interface BudgetFinding {
  code: string;
  category?: string;
  clause?: string;
  messageZh: string;
  messageEn: string;
}

export const rowsOf = (lines: readonly BudgetLine[]): AdjustRow[] =>
  lines.map((l) => ({
    category: l.category,
    amount: yuanInputText(l.amountFen),
    purchase: l.purchaseFen === undefined ? "" : yuanInputText(l.purchaseFen),
    note: l.note ?? "",
  }));

/**
 * The typed rows as budget lines, by the domain's exact parser (never floating point); a line whose
 * amount is 0 leaves the budget. Null while an amount does not parse.
 */
export function linesOf(rows: readonly AdjustRow[] | undefined): BudgetLine[] | null {
  const lines: BudgetLine[] = [];
  for (const r of rows ?? []) {
    const amount = parseYuan(r.amount);
    const purchase = parseYuan(r.purchase);
    if (!amount.ok || !purchase.ok || amount.fen === undefined) return null;
    if (amount.fen === 0) continue;
    const line: BudgetLine = { category: r.category, amountFen: amount.fen };
    if (r.category === "equipment" && purchase.fen !== undefined) line.purchaseFen = purchase.fen;
    if (r.note.trim()) line.note = r.note.trim();
    lines.push(line);
  }
  return lines;
}

/** What is wrong with the rows before they go to the server: an amount, the total, nothing moved. */
export function rowsProblem(
  rows: readonly AdjustRow[] | undefined,
  current: readonly BudgetLine[],
  name: (code: string) => string,
  lang: Lang,
): string | null {
  for (const r of rows ?? []) {
    const p = parseYuan(r.amount);
    if (!p.ok) return `${name(r.category)}：${pickLang(lang, p.messageZh, p.messageEn)}`;
    if (p.fen === undefined)
      return pickLang(lang, `请填写${name(r.category)}的金额`, `Enter ${name(r.category)}`);
    const q = parseYuan(r.purchase);
    if (!q.ok) return `${name(r.category)}：${pickLang(lang, q.messageZh, q.messageEn)}`;
  }
  const lines = linesOf(rows) ?? [];
  const [before, after] = [totalFen(current), totalFen(lines)];
  if (after !== before)
    return pickLang(
      lang,
      `预算调剂不改变项目预算总额：调剂后合计 ${formatYuan(after)}，应为 ${formatYuan(before)}`,
      `An adjustment keeps the total: ${formatYuan(after)} now, ${formatYuan(before)} required`,
    );
  return null;
}

/**
 * 预算调剂: the current lines as an editable table (amounts in 元), a category of the policy's to
 * add, the totals before and after (which must stay equal), and the server's budget findings.
 */
export function BudgetAdjustField({
  value,
  onChange,
  current,
  categories,
  name,
  findings,
}: {
  value?: AdjustRow[];
  onChange?: (rows: AdjustRow[]) => void;
  current: readonly BudgetLine[];
  categories: PolicyCategory[] | undefined;
  name: (code: string) => string;
  findings: readonly BudgetFinding[];
}) {
  const { lang, t } = useLocale();
  const [adding, setAdding] = useState<string | undefined>();
  const rows = value ?? [];
  const set = (i: number, patch: Partial<AdjustRow>) =>
    onChange?.(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const currentOf = (code: string) =>
    current.some((l) => l.category === code) ? totalFen(current.filter((l) => l.category === code)) : null;
  const explained = (code: string) =>
    categories?.find((c) => c.code === code)?.rules?.some((r) => r.kind === "explanationRequired") ?? false;
  const free = (categories ?? []).filter((c) => !rows.some((r) => r.category === c.code));
  const lines = linesOf(rows);
  const [before, after] = [totalFen(current), lines ? totalFen(lines) : null];

  return (
    <Space direction="vertical" size="small" style={{ width: "100%" }} data-testid="adjust-lines">
      <Table<AdjustRow & { index: number }>
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={rows.map((r, index) => ({ ...r, index }))}
        columns={[
          { title: t("预算科目", "Category"), key: "name", render: (_, r) => name(r.category) },
          {
            title: t("现行金额", "Current"),
            key: "current",
            align: "right",
            render: (_, r) => {
              const fen = currentOf(r.category);
              return fen === null ? t("（新增）", "(new)") : formatYuan(fen);
            },
          },
          {
            title: t("调剂后金额（元）", "Adjusted (CNY)"),
            key: "amount",
            width: 170,
            render: (_, r) => (
              <YuanInput
                aria-label={`${name(r.category)} · ${t("调剂后金额", "Adjusted amount")}`}
                value={r.amount}
                onChange={(e) => set(r.index, { amount: e.target.value })}
                data-testid={`adjust-amount-${r.category}`}
              />
            ),
          },
          {
            title: t("补充信息", "Details"),
            key: "extra",
            width: 190,
            render: (_, r) =>
              r.category === "equipment" ? (
                <YuanInput
                  aria-label={`${name(r.category)} · ${t("其中购置费（可选）", "Purchase (optional)")}`}
                  placeholder={t("其中购置费（可选）", "Purchase (optional)")}
                  value={r.purchase}
                  onChange={(e) => set(r.index, { purchase: e.target.value })}
                />
              ) : explained(r.category) ? (
                <Input
                  aria-label={`${name(r.category)} · ${t("支出说明", "Explanation")}`}
                  placeholder={t("支出说明", "Explanation")}
                  value={r.note}
                  maxLength={500}
                  onChange={(e) => set(r.index, { note: e.target.value })}
                  data-testid={`adjust-note-${r.category}`}
                />
              ) : null,
          },
          {
            title: t("操作", "Actions"),
            key: "remove",
            width: 64,
            render: (_, r) =>
              currentOf(r.category) === null ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => onChange?.(rows.filter((_, j) => j !== r.index))}
                  aria-label={`${t("移除", "Remove")} ${name(r.category)}`}
                >
                  {t("移除", "Remove")}
                </Button>
              ) : null,
          },
        ]}
      />
      <Space wrap>
        <Select
          style={{ width: 280 }}
          aria-label={t("添加预算科目", "Add a category")}
          placeholder={t("添加预算科目", "Add a category")}
          value={adding}
          onChange={setAdding}
          loading={!categories}
          data-testid="adjust-add-category"
          options={free.map((c) => ({ value: c.code, label: name(c.code) }))}
        />
        <Button
          disabled={!adding}
          data-testid="adjust-add"
          onClick={() => {
            if (!adding) return;
            onChange?.([...rows, { category: adding, amount: "", purchase: "", note: "" }]);
            setAdding(undefined);
          }}
        >
          {t("添加", "Add")}
        </Button>
      </Space>
      <Alert
        type={after === before ? "success" : "warning"}
        showIcon
        data-testid="adjust-total"
        message={t(
          `现行预算合计 ${formatYuan(before)}；调剂后合计 ${after === null ? "—" : formatYuan(after)}${after !== null && after !== before ? `，相差 ${formatYuan(after - before)}` : ""}`,
          `Current total ${formatYuan(before)}; adjusted ${after === null ? "—" : formatYuan(after)}${after !== null && after !== before ? `, off by ${formatYuan(after - before)}` : ""}`,
        )}
        description={t(
          "预算调剂只在科目之间调整，不改变总额；金额改为 0 的科目调剂后不再列入预算。",
          "An adjustment moves money between lines and keeps the total; a line set to 0 leaves the budget.",
        )}
      />
      {findings.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="adjust-findings"
          message={t("调剂后的预算不符合本市预算规定", "The adjusted budget breaks the city's budget rules")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {findings.map((f) => (
                <li key={`${f.code}-${f.category ?? ""}`}>
                  {pickLang(lang, f.messageZh, f.messageEn)} {f.clause && <ClauseTag clause={f.clause} />}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("金额单位：元，最多两位小数。", "Amounts in yuan, at most two decimals.")}
      </Typography.Text>
    </Space>
  );
}
