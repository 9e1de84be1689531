import { type ChangeKind, changeKinds, formatYuan } from "@luoshu/domain";
import { useQuery } from "@tanstack/react-query";
import { DatePicker, Form, Input } from "antd";
import { useMemo, useRef } from "react";
import { ApiError } from "../../api/client";
import type { ProjectDetail } from "../../api/execution";
import type { ChangeRequestInput } from "../../api/projectLife";
import { fetchUsers } from "../../api/users";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { RadioGroup } from "../../components/RadioGroup";
import { Select } from "../../components/Select";
import { useCurrentUser } from "../auth/session";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { sourceText } from "../execution/labels";
import {
  type AdjustRow,
  BudgetAdjustField,
  type BudgetFinding,
  linesOf,
  rowsOf,
  rowsProblem,
} from "./BudgetAdjustField";
import { ChangeDeciderAlert } from "./ChangeDeciderAlert";
import { budgetDiff, deciderFor, effectText, kindOpen, useBudgetCategories, whoActs } from "./changeText";
import { TextField } from "./fields";
import { useRequestChange } from "./hooks";
import { changeKindNames, deciderNames } from "./labels";

interface Values {
  kind: ChangeKind;
  reason: string;
  legalPersonName?: string;
  piUserId?: string;
  endDate?: string;
  lines?: AdjustRow[];
}

/** What a refusal was about: a budget adjustment's lines, or the kind. */
const keyOf = (kind: ChangeKind | undefined, rows: AdjustRow[] | undefined) =>
  kind === "budgetAdjustment" ? JSON.stringify(rows ?? null) : String(kind);

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The budget findings of a 422 refusal (`details.violations`), each with its clause. */
const findingsOf = (err: Error | null): BudgetFinding[] => {
  if (!(err instanceof ApiError) || !err.code.startsWith("BUDGET_")) return [];
  const v = (err.body as { details?: { violations?: BudgetFinding[] } }).details?.violations;
  return Array.isArray(v) ? v : [];
};

/**
 * 提出变更 (DT-RULES §19; LY-FUNDS §18): the kind (none chosen beforehand), then its fields; for a
 * budget adjustment the current lines to edit, their total kept. Before submitting it shows who
 * decides by the city's rules and whether it takes effect at once, and the confirmation says so again.
 */
export function ChangeRequestModal({
  project: p,
  open,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const { categories, name, isEquipment } = useBudgetCategories(p);
  const life = p.life;
  // a refusal stays on screen until the lines it was about are changed
  const submitted = useRef<string | null>(null);
  const initialValues = useMemo(() => ({ lines: rowsOf(life.currentBudget) }), [life.currentBudget]);
  const state = useFormModal({
    open,
    onClose,
    mutation: useRequestChange(p.id),
    toVariables: (v: Values): ChangeRequestInput => {
      submitted.current = keyOf(v.kind, v.lines);
      const reason = v.reason.trim();
      if (v.kind === "legalPerson")
        return { kind: v.kind, reason, legalPersonName: (v.legalPersonName ?? "").trim() };
      if (v.kind === "principalInvestigator") return { kind: v.kind, reason, piUserId: v.piUserId ?? "" };
      if (v.kind === "extension") return { kind: v.kind, reason, endDate: v.endDate ?? "" };
      return { kind: v.kind, reason, lines: linesOf(v.lines) ?? [] };
    },
    fields: ["kind", "reason", "legalPersonName", "piUserId", "endDate", "lines"],
    successText: t("已提交变更", "Change submitted"),
    initialValues,
  });
  const kind = Form.useWatch("kind", state.form);
  const rows = Form.useWatch("lines", state.form);
  const lines = linesOf(rows);
  const error = submitted.current === keyOf(kind, rows) ? state.error : null;
  const rule = kind ? deciderFor(p, kind, lines ?? life.currentBudget, isEquipment) : null;
  const rules = life.rules.changeDeciders;
  const noBudget = life.currentBudget.length === 0;
  const open_ = (k: ChangeKind) => kindOpen(p, me.roles, k) && !(k === "budgetAdjustment" && noBudget);

  const closedWhy = (k: ChangeKind) =>
    k === "budgetAdjustment" && noBudget
      ? t("任务书未列预算明细", "the task book lists no budget")
      : whoActs(rules[k === "budgetAdjustment" ? "budgetOther" : k].decider, t);

  const readUsers = me.permissions.includes("user.read");
  const pis = useQuery({
    queryKey: ["users", { role: "principalInvestigator", page: 1, pageSize: 200 }],
    queryFn: () => fetchUsers({ role: "principalInvestigator", page: 1, pageSize: 200 }),
    enabled: open && readUsers && kind === "principalInvestigator",
  });
  const piOptions = (pis.data?.items ?? [])
    .filter((u) => u.unitId === p.unitId && u.status === "active")
    .map((u) => ({
      value: u.id,
      label:
        u.displayName === p.piName
          ? t(`${u.displayName}（现任）`, `${u.displayName} (current)`)
          : u.displayName,
      disabled: u.displayName === p.piName,
    }));

  const what = (v: Values): string => {
    if (v.kind === "legalPerson")
      return t(`法人变更为 ${v.legalPersonName?.trim()}`, `legal person to ${v.legalPersonName?.trim()}`);
    if (v.kind === "principalInvestigator") {
      const to = piOptions.find((o) => o.value === v.piUserId)?.label ?? v.piUserId;
      return t(`项目负责人由 ${p.piName ?? "—"} 变更为 ${to}`, `PI from ${p.piName ?? "—"} to ${to}`);
    }
    if (v.kind === "extension")
      return t(
        `结束日期由 ${life.endDate ?? "未定"} 延至 ${v.endDate}`,
        `end date from ${life.endDate ?? "not set"} to ${v.endDate}`,
      );
    return budgetDiff(life.currentBudget, linesOf(v.lines) ?? [])
      .map((d) => `${name(d.category)} ${formatYuan(d.beforeFen)} → ${formatYuan(d.afterFen)}`)
      .join(t("；", "; "));
  };
  const modal = withConfirmation({ ...state, error }, (v) => {
    const r = deciderFor(p, v.kind, linesOf(v.lines) ?? life.currentBudget, isEquipment);
    if (!r) return Promise.resolve(false);
    const bureau = r.decider === "bureau";
    return confirmAct({
      title: bureau
        ? t(
            `提交${changeKindNames[v.kind].zh}申请？`,
            `Apply for the ${changeKindNames[v.kind].en.toLowerCase()}?`,
          )
        : t(
            `${changeKindNames[v.kind].zh}：自主决定并备案？`,
            `${changeKindNames[v.kind].en}: decide and record it?`,
          ),
      content: t(
        `项目 ${p.number}“${p.title}”${changeKindNames[v.kind].zh}：${what(v)}。${deciderNames[r.decider].zh}（${sourceText(r.source, lang)}）：${effectText(r.decider, t)}。此操作记入审计日志。`,
        `Project ${p.number} "${p.title}", ${changeKindNames[v.kind].en.toLowerCase()}: ${what(v)}. ${deciderNames[r.decider].en} (${sourceText(r.source, lang)}): ${effectText(r.decider, t)}. The action is audited.`,
      ),
      okText: bureau ? t("提交申请", "Apply") : t("确认变更并备案", "Decide and record"),
      testId: "change-request-confirm",
    });
  });

  return (
    <FormModal
      modal={modal}
      title={t("提出变更", "Ask for a change")}
      width={kind === "budgetAdjustment" ? 820 : undefined}
      okText={t("下一步", "Next")}
      submitTestId="change-request-submit"
      formTestId="change-request-form"
    >
      <Form.Item
        name="kind"
        label={t("变更事项", "Change")}
        rules={[{ required: true, message: t("请选择变更事项", "Choose what to change") }]}
      >
        <RadioGroup
          data-testid="change-kind"
          options={changeKinds.map((k) => ({
            value: k,
            disabled: !open_(k),
            label: open_(k)
              ? changeKindNames[k][lang]
              : `${changeKindNames[k][lang]}${t("（", " (")}${closedWhy(k)}${t("）", ")")}`,
          }))}
        />
      </Form.Item>
      {kind === "legalPerson" && (
        <TextField
          name="legalPersonName"
          label={t("变更后的单位法人", "New legal person")}
          min={1}
          max={50}
          rows={1}
          testId="change-legal-person"
        />
      )}
      {kind === "principalInvestigator" && (
        <Form.Item
          name="piUserId"
          label={t("新的项目负责人", "New PI")}
          rules={[
            { required: true, message: t("请选择新的项目负责人", "Choose the new PI") },
            { pattern: uuid, message: t("请填写账号编号（UUID）", "Enter the account's id (UUID)") },
          ]}
          extra={
            readUsers
              ? t("本单位的项目负责人账号。", "The unit's PI accounts.")
              : t(
                  "填写本单位另一位项目负责人账号的编号（UUID），可向单位管理员查询。",
                  "The id (UUID) of another PI account of the unit; the unit's administrator can look it up.",
                )
          }
        >
          {readUsers ? (
            <Select
              data-testid="change-pi"
              placeholder={t("请选择", "Choose")}
              loading={pis.isFetching}
              options={piOptions}
              showSearch
              optionFilterProp="label"
            />
          ) : (
            <Input autoComplete="off" data-testid="change-pi-id" />
          )}
        </Form.Item>
      )}
      {kind === "extension" && (
        <Form.Item
          name="endDate"
          label={t("延期后的结束日期", "New end date")}
          extra={t(
            `现定结束日期：${life.endDate ?? "未定"}`,
            `Current end date: ${life.endDate ?? "not set"}`,
          )}
          rules={[
            { required: true, message: t("请选择日期", "Choose a date") },
            {
              validator: (_, v: string | undefined) =>
                v && life.endDate && v <= life.endDate
                  ? Promise.reject(new Error(t(`须晚于现定的 ${life.endDate}`, `After ${life.endDate}`)))
                  : Promise.resolve(),
            },
          ]}
          {...dateStringProps}
        >
          <DatePicker style={{ width: "100%" }} data-testid="change-end-date-input" />
        </Form.Item>
      )}
      {kind === "budgetAdjustment" && (
        <Form.Item
          name="lines"
          label={t("调剂后的预算", "The adjusted budget")}
          rules={[
            {
              validator: (_, v: AdjustRow[] | undefined) => {
                const problem = rowsProblem(v, life.currentBudget, name, lang);
                if (problem) return Promise.reject(new Error(problem));
                return budgetDiff(life.currentBudget, linesOf(v) ?? []).length === 0
                  ? Promise.reject(new Error(t("请调整科目金额", "Change at least one line")))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <BudgetAdjustField
            current={life.currentBudget}
            categories={categories}
            name={name}
            findings={findingsOf(error)}
          />
        </Form.Item>
      )}
      {kind && <ChangeDeciderAlert rule={rule} budgetUnchanged={kind === "budgetAdjustment"} />}
      {kind && (
        <TextField name="reason" label={t("变更理由", "Reason")} min={10} max={4000} testId="change-reason" />
      )}
    </FormModal>
  );
}
