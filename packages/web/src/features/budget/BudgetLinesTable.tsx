import { Form, Input, Table, Tag, Typography } from "antd";
import type { BudgetCheckResult } from "../../api/budget";
import type { PolicyCategory } from "../../api/policies";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { YuanInput } from "../../components/yuan";
import { budgetGroupNames, nameOf } from "../policies/labels";
import type { FieldErrors, LinesText, LineText } from "./useBudgetCheck";

interface Props {
  /** The city policy's categories: until it has loaded the table shows it is loading. */
  categories: PolicyCategory[] | undefined;
  lines: LinesText;
  errors: FieldErrors;
  result?: BudgetCheckResult;
  onChange: (category: string, patch: Partial<LineText>) => void;
}

export function BudgetLinesTable({ categories, lines, errors, result, onChange }: Props) {
  const { lang, t } = useLocale();
  const categoryName = (c: PolicyCategory) => pickLang(lang, c.nameZh, c.nameEn) || c.code;
  const findingsOf = (code: string) => result?.categories.find((c) => c.category === code)?.findings ?? [];

  /** `label` names the input for screen readers: in a table row it has no label of its own. */
  const yuanInput = (code: string, field: "amount" | "purchase", label: string, placeholder?: string) => {
    const err = errors[`${code}.${field}`];
    return (
      <Form.Item
        style={{ margin: 0 }}
        validateStatus={err ? "error" : undefined}
        help={err ? pickLang(lang, err.messageZh, err.messageEn) : undefined}
      >
        <YuanInput
          aria-label={label}
          placeholder={placeholder}
          value={lines[code]?.[field] ?? ""}
          onChange={(e) => onChange(code, { [field]: e.target.value })}
          data-testid={field === "amount" ? `budget-amount-${code}` : `budget-purchase-${code}`}
        />
      </Form.Item>
    );
  };

  return (
    <Table<PolicyCategory>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={categories}
      loading={!categories}
      data-testid="budget-lines"
      // below this the findings column would be squeezed to a few characters a line
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t("预算科目", "Category"),
          key: "name",
          width: 320,
          render: (_, c) => (
            <>
              <Tag>{nameOf(budgetGroupNames, c.group, lang)}</Tag>
              {categoryName(c)}
            </>
          ),
        },
        {
          title: t("金额", "Amount"),
          key: "amount",
          width: 200,
          render: (_, c) => yuanInput(c.code, "amount", `${categoryName(c)} · ${t("金额", "Amount")}`),
        },
        {
          title: t("补充信息", "Details"),
          key: "extra",
          width: 240,
          render: (_, c) => {
            if (c.code === "equipment") {
              const purchase = t("其中购置费（可选）", "Purchase (optional)");
              return yuanInput(c.code, "purchase", `${categoryName(c)} · ${purchase}`, purchase);
            }
            if (c.code === "otherExpenses") {
              return (
                <Input
                  placeholder={t("支出说明", "Explanation")}
                  value={lines[c.code]?.note ?? ""}
                  onChange={(e) => onChange(c.code, { note: e.target.value })}
                  data-testid="budget-note-otherExpenses"
                />
              );
            }
            return null;
          },
        },
        {
          title: t("校验结果", "Findings"),
          key: "findings",
          render: (_, c) =>
            findingsOf(c.code).map((f) => (
              <div key={f.code} data-testid={`budget-finding-${c.code}`}>
                <Typography.Text type="warning">{pickLang(lang, f.messageZh, f.messageEn)}</Typography.Text>{" "}
                {f.clause && <ClauseTag clause={f.clause} />}
              </div>
            )),
        },
      ]}
    />
  );
}
