import { Alert, Form, Input, InputNumber, Table, Typography } from "antd";
import { useRef } from "react";
import type { Acceptance, TrackingTerms } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { wan, yuan } from "../../components/money";
import { YuanInput, yuanRule } from "../../components/yuan";
import { parseYuan } from "../budget/parseYuan";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { sourceText } from "../execution/labels";
import { yuanInputText } from "../project-life/changeText";
import { TextField } from "../project-life/fields";
import { CommitmentField } from "./CommitmentField";
import { useSubmitAcceptance } from "./hooks";

interface Values {
  achievements: { achieved?: number | null; evidence?: string }[];
  report: string;
  settlement: { spent?: string }[];
  commitment?: boolean;
}

/** The form as it opens: empty, or the deferred materials to complete. The commitment never ticked. */
function initialOf(acceptance: Acceptance, terms: TrackingTerms): Values {
  const was = acceptance.application?.status === "returned" ? acceptance.application.content : null;
  return {
    achievements: terms.targets.map((_, index) => {
      const a = was?.achievements.find((x) => x.index === index);
      return { achieved: a?.achieved ?? null, evidence: a?.evidence ?? "" };
    }),
    report: was?.report ?? "",
    settlement: terms.settlement.map((l) => {
      const s = was?.settlement.find((x) => x.category === l.category);
      return { spent: s ? yuanInputText(s.spentFen) : "" };
    }),
    commitment: false,
  };
}

const fenOf = (text: string | undefined) => {
  const p = parseYuan(text ?? "");
  return p.ok ? (p.fen ?? 0) : 0;
};

/**
 * 提交验收材料 (LY-FUNDS §23; DT-RULES §23; LY-PLAN §七(四)), or again after the panel deferred: the
 * value reached for each task-book target with its evidence, the S&T report, the settlement of each
 * current budget line in 元 (exact to the fen), and the integrity commitment, which starts unticked
 * and holds the submit button until ticked.
 */
export function AcceptanceModal({
  project,
  acceptance,
  terms,
  open,
  name,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  acceptance: Acceptance;
  terms: TrackingTerms;
  open: boolean;
  name: (code: string, nameZh: string) => string;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const evidence = lengthLimit(4000, t);
  const app = acceptance.application;
  const again = app?.status === "returned";
  // the same values while the same materials are open: a refetch never resets what is typed
  const initial = useRef<{ key: string; values: Values } | null>(null);
  const key = `${app?.status ?? ""}:${app?.submittedAt ?? ""}`;
  if (open && initial.current?.key !== key) initial.current = { key, values: initialOf(acceptance, terms) };
  const state = useFormModal({
    open,
    onClose,
    mutation: useSubmitAcceptance(project.id),
    toVariables: (v: Values) => ({
      achievements: terms.targets.map((_, index) => ({
        index,
        achieved: v.achievements[index]?.achieved ?? 0,
        evidence: (v.achievements[index]?.evidence ?? "").trim(),
      })),
      report: v.report.trim(),
      settlement: terms.settlement.map((l, i) => ({
        category: l.category,
        spentFen: fenOf(v.settlement[i]?.spent),
      })),
      commitment: true as const,
    }),
    fields: ["report"],
    successText: again
      ? t("已重新提交验收材料", "Materials submitted again")
      : t("已提交验收材料", "Materials submitted"),
    initialValues: open ? initial.current?.values : undefined,
  });
  const committed = Form.useWatch("commitment", state.form) === true;
  const spent = Form.useWatch("settlement", state.form) as Values["settlement"] | undefined;
  const settled = terms.settlement.reduce((s, _, i) => s + fenOf(spent?.[i]?.spent), 0);

  const modal = withConfirmation(state, (v) => {
    const total = terms.settlement.reduce((s, _, i) => s + fenOf(v.settlement[i]?.spent), 0);
    return confirmAct({
      title: t("提交验收材料？", "Submit the acceptance materials?"),
      content: t(
        `项目 ${project.number}“${project.title}”：${terms.targets.length} 项考核指标的完成情况、科技报告，经费决算总额 ${wan(total, "zh")}。提交后由市科技局组织验收专家组评审，评审期间不能修改；专家组的平均分确定评价等级。本单位已承诺材料真实、准确、完整，如有不实，承担相应责任。此操作记入审计日志。`,
        `Project ${project.number} "${project.title}": ${terms.targets.length} target(s) with what was reached, the S&T report, and a settlement of ${wan(total, "en")}. The bureau convenes a panel; the materials cannot be changed while it sits, and its mean sets the grade. The unit has committed that the materials are true, accurate and complete and answers for any that is not. The action is audited.`,
      ),
      okText: t("提交验收材料", "Submit"),
      testId: "acceptance-submit-confirm",
    });
  });

  return (
    <FormModal
      modal={modal}
      title={
        again
          ? t("补充并重新提交验收材料", "Complete and submit the materials again")
          : t("提交验收材料", "Submit for acceptance")
      }
      width={1100}
      okText={t("下一步", "Next")}
      submitTestId="acceptance-submit"
      formTestId="acceptance-form"
      blockedReason={committed ? null : t("请先阅读并勾选诚信承诺", "Tick the integrity commitment first")}
    >
      {again && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="acceptance-deferred"
          message={t(
            `验收专家组暂缓验收、待补充材料：${acceptance.assessments.at(-1)?.note ?? "—"}`,
            `The panel deferred for more materials: ${acceptance.assessments.at(-1)?.note ?? "—"}`,
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t("考核指标完成情况", "Targets met")}
      </Typography.Title>
      <Table<TrackingTerms["targets"][number] & { index: number }>
        size="small"
        rowKey="index"
        pagination={false}
        data-testid="acceptance-form-targets"
        dataSource={terms.targets.map((x, index) => ({ ...x, index }))}
        locale={{ emptyText: t("任务书未列考核指标", "The task book lists no target") }}
        columns={[
          { title: t("考核指标", "Target"), dataIndex: "description" },
          {
            title: t("目标值", "Target value"),
            key: "value",
            width: 110,
            render: (_, x) => `${x.value} ${x.unit}`,
          },
          {
            title: t("完成值", "Achieved"),
            key: "achieved",
            width: 170,
            render: (_, x) => (
              <Form.Item
                name={["achievements", x.index, "achieved"]}
                style={{ margin: 0 }}
                rules={[{ required: true, message: t("请填写完成值", "Enter the value reached") }]}
              >
                <InputNumber
                  min={0}
                  max={1e12}
                  addonAfter={x.unit}
                  aria-label={t(`${x.description} 完成值`, `${x.description}: achieved`)}
                  data-testid={`acceptance-achieved-${x.index}`}
                />
              </Form.Item>
            ),
          },
          {
            title: t("佐证材料", "Evidence"),
            key: "evidence",
            render: (_, x) => (
              <Form.Item
                name={["achievements", x.index, "evidence"]}
                style={{ margin: 0 }}
                rules={[evidence.rule]}
              >
                <Input.TextArea
                  rows={1}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  aria-label={t(`${x.description} 佐证材料`, `${x.description}: evidence`)}
                  data-testid={`acceptance-evidence-${x.index}`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <TextField
          name="report"
          label={t("科技报告（摘要）", "S&T report (abstract)")}
          min={1}
          max={20000}
          rows={5}
          testId="acceptance-report"
        />
      </div>
      <Typography.Title level={5}>{t("经费决算", "Settlement")}</Typography.Title>
      <Table<TrackingTerms["budget"][number] & { i: number }>
        size="small"
        rowKey="category"
        pagination={false}
        data-testid="acceptance-form-settlement"
        dataSource={terms.settlement.map((l, i) => ({ ...l, i }))}
        columns={[
          {
            title: t("预算科目", "Budget line"),
            key: "name",
            render: (_, l) => name(l.category, l.categoryName),
          },
          {
            title: t("现行预算", "Budget"),
            key: "budget",
            align: "right",
            // a project drawn without an application has no budget: it settles by the city's categories
            render: (_, l) => (terms.budget.length > 0 ? yuan(l.amountFen) : t("无预算", "No budget")),
          },
          {
            title: t("决算金额（元）", "Settled (CNY)"),
            key: "spent",
            width: 220,
            render: (_, l) => (
              <Form.Item
                name={["settlement", l.i, "spent"]}
                style={{ margin: 0 }}
                rules={[
                  { required: true, whitespace: true, message: t("请填写", "Required") },
                  yuanRule(lang),
                ]}
              >
                <YuanInput
                  aria-label={t(`${l.categoryName} 决算金额`, `${l.categoryName}: settled`)}
                  data-testid={`acceptance-spent-${l.category}`}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8 }} data-testid="acceptance-form-total">
        {t(
          `决算总额 ${wan(settled, "zh")}（金额单位：元，最多两位小数；${terms.budget.length > 0 ? "按现行预算填报" : "任务书未列预算，按本市预算科目填报"}）。`,
          `Settled in all ${wan(settled, "en")} (in yuan, at most two decimals; ${terms.budget.length > 0 ? "by the current budget" : "the task book has no budget: by the city's budget categories"}).`,
        )}
      </Typography.Paragraph>
      <Alert
        type="info"
        style={{ marginBottom: 8 }}
        data-testid="acceptance-commitment-text"
        message={t("诚信承诺", "Integrity commitment")}
        description={
          <>
            <div>{acceptance.commitmentZh}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sourceText(acceptance.citation, lang)}
            </Typography.Text>
          </>
        }
      />
      <CommitmentField testId="acceptance-commitment" />
    </FormModal>
  );
}
