import type { AssessmentKind } from "@luoshu/domain";
import { Alert, type CheckboxProps, Form, Input, Space, Table, Tag, Typography } from "antd";
import type { AssessmentCandidate, MidTerm } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormModal, useFormModal } from "../../components/FormModal";
import { lengthLimit } from "../../components/lengthLimit";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { sourceText } from "../execution/labels";
import { useAssessmentCandidates, useConveneAssessment } from "./hooks";
import { assessmentKindNames } from "./labels";

interface Values {
  expertIds: string[];
  note?: string;
}

/** The pool as a table to pick the panel from: a conflicted expert cannot be ticked and says why. */
function CandidatesField({
  value,
  onChange,
  candidates,
  loading,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  candidates: readonly AssessmentCandidate[];
  loading: boolean;
}) {
  const { t } = useLocale();
  return (
    <Table<AssessmentCandidate>
      size="small"
      rowKey="expertId"
      loading={loading}
      data-testid="convene-candidates"
      dataSource={[...candidates]}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
      onRow={(c) =>
        ({
          "data-testid": `convene-candidate-${c.conflicts.length > 0 ? "conflicted" : "free"}`,
        }) as React.HTMLAttributes<HTMLElement>
      }
      rowSelection={{
        hideSelectAll: true,
        columnTitle: t("选择", "Pick"),
        columnWidth: 64,
        selectedRowKeys: value ?? [],
        onChange: (keys) => onChange?.(keys.map(String)),
        getCheckboxProps: (c) =>
          ({
            disabled: c.conflicts.length > 0,
            "aria-label": t(`选择 ${c.name}`, `Pick ${c.name}`),
            "data-testid": `convene-pick-${c.expertId}`,
          }) as CheckboxProps,
      }}
      columns={[
        {
          title: t("专家", "Expert"),
          key: "name",
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <span data-testid="convene-candidate-name">{c.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.title}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t("工作单位", "Unit"), dataIndex: "unitName" },
        {
          title: t("学科", "Disciplines"),
          key: "disciplines",
          render: (_, c) => c.disciplines.join("、") || "—",
        },
        {
          title: t("回避事由", "Must stand apart"),
          key: "conflicts",
          render: (_, c) =>
            c.conflicts.length > 0 ? (
              <Space direction="vertical" size={2} data-testid="convene-conflict">
                {c.conflicts.map((x) => (
                  <Tag key={x} color="red" style={{ whiteSpace: "normal" }}>
                    {x}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t("无", "None")}</Typography.Text>
            ),
        },
      ]}
    />
  );
}

/** What follows the panel, said in the confirmation. */
function conveneConsequence(kind: AssessmentKind, source: string, t: (zh: string, en: string) => string) {
  return kind === "acceptance"
    ? t(
        `专家按验收评分表评分，全部提交后由市科技局按平均分确定评价等级并作出验收结论（通过、不通过，或暂缓待补充材料）（${source}）。`,
        `The experts score the acceptance scorecard; once all have, the bureau grades the project by the mean and concludes (pass, fail, or defer for more materials) (${source}).`,
      )
    : t(
        `专家按评分表评分，全部提交后由市科技局按平均分作出结论；通过后方可拨付期中评估后的节点资金（${source}）。`,
        `The experts score the scorecard; once all have, the bureau concludes by the mean, and only a pass releases the node paid after the mid-term (${source}).`,
      );
}

/**
 * 组织期中评估 (LY-FUNDS §13(一)) or 组织结题验收 (LY-FUNDS §23; DT-RULES §23): the officer picks the
 * panel from the pool (at least the city's number, none in conflict with the project's unit),
 * optionally with a note; the confirmation names the panel and what follows.
 */
export function ConveneModal({
  project,
  kind,
  rules,
  open,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  kind: AssessmentKind;
  rules: Pick<MidTerm, "panelSize" | "citation">;
  open: boolean;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const limit = lengthLimit(2000, t);
  const candidates = useAssessmentCandidates(project.id, open);
  const items = candidates.data?.items ?? [];
  const state = useFormModal({
    open,
    onClose,
    mutation: useConveneAssessment(project.id),
    toVariables: (v: Values) => ({ kind, expertIds: v.expertIds, note: (v.note ?? "").trim() }),
    fields: ["expertIds", "note"],
    successText: t(`已组织${assessmentKindNames[kind].zh}`, `${assessmentKindNames[kind].en} convened`),
  });
  const n = rules.panelSize;
  const what = assessmentKindNames[kind];
  const title = t(`组织${what.zh}`, `Convene the ${what.en.toLowerCase()}`);
  const modal = withConfirmation(state, (v) => {
    const names = v.expertIds.map((id) => items.find((c) => c.expertId === id)?.name ?? id);
    return confirmAct({
      title: `${title}${t("？", "?")}`,
      content: t(
        `项目 ${project.number}“${project.title}”的${what.zh}专家组：${names.join("、")}（${names.length} 名）。${conveneConsequence(kind, sourceText(rules.citation, lang), t)}此操作记入审计日志。`,
        `The ${what.en.toLowerCase()} panel of project ${project.number} "${project.title}": ${names.join(", ")} (${names.length}). ${conveneConsequence(kind, sourceText(rules.citation, lang), t)} The action is audited.`,
      ),
      okText: t("组织评估", "Convene"),
      testId: "convene-confirm",
    });
  });
  const picked = Form.useWatch("expertIds", state.form) as string[] | undefined;

  return (
    <FormModal
      modal={modal}
      title={title}
      width={920}
      okText={t("下一步", "Next")}
      submitTestId="convene-submit"
      formTestId="convene-form"
    >
      <ErrorAlert error={candidates.error} style={{ marginBottom: 12 }} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="convene-hint"
        message={t(
          `从专家库中选择评估专家，至少 ${n} 名；与项目承担单位有回避关系的专家不能选择。已选 ${picked?.length ?? 0} 名。`,
          `Pick the panel from the pool, at least ${n}; experts who must stand apart from the project's unit cannot be picked. ${picked?.length ?? 0} picked.`,
        )}
      />
      <Form.Item
        name="expertIds"
        label={t("评估专家", "Panel")}
        rules={[
          {
            validator: (_, v: string[] | undefined) =>
              (v?.length ?? 0) >= n
                ? Promise.resolve()
                : Promise.reject(new Error(t(`请至少选择 ${n} 名专家`, `Pick at least ${n} experts`))),
          },
        ]}
      >
        <CandidatesField candidates={items} loading={candidates.isPending} />
      </Form.Item>
      <Form.Item name="note" label={t("备注（可选）", "Note (optional)")} rules={[limit.rule]}>
        <Input.TextArea rows={2} count={limit.count} data-testid="convene-note" />
      </Form.Item>
    </FormModal>
  );
}
