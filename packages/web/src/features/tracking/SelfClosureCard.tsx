import type { selfClosureBody } from "@luoshu/contract";
import { Alert, Button, Card, Form, Space, Typography } from "antd";
import { useState } from "react";
import { apiFetch } from "../../api/client";
import type { In } from "../../api/decisions";
import type { Acceptance, Tracking } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { formatDateTime } from "../../components/time";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { TextField } from "../project-life/fields";
import { Citation } from "../reviews/HorseRaceModal";
import { CommitmentField } from "./CommitmentField";
import { useTracking, useTrackingMutation } from "./hooks";

type SelfClosureInput = In<typeof selfClosureBody>;
type Project = { id: string; number: string; title: string };

const selfClose = (id: string, body: SelfClosureInput): Promise<Tracking> =>
  apiFetch(`/projects/${encodeURIComponent(id)}/self-closure`, { method: "POST", body });

/**
 * 自行组织结项 (LY-REFORM §三(三)1): a filed project (Luoyang's guiding projects, funded by their unit)
 * takes no task book and no panel; its unit closes it itself once done, and the platform records it.
 */
export function SelfClosureCard({ project }: { project: Project }) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const a = useTracking(project.id).data?.acceptance;
  if (!a?.selfClosure) return null;
  const app = a.application;
  return (
    <Card
      size="small"
      title={
        <Space size={4}>
          {t("自行组织结项", "Closed by its unit")}
          <Citation source={a.selfClosure} />
        </Space>
      }
      data-testid="self-closure-card"
    >
      {app ? (
        <Alert
          type="success"
          showIcon
          data-testid="self-closure-done"
          message={t(
            `已由承担单位自行组织结项（${app.submittedByName ?? "—"}，${formatDateTime(app.submittedAt)}）`,
            `Closed by its unit (${app.submittedByName ?? "—"}, ${formatDateTime(app.submittedAt)})`,
          )}
          description={
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
              {app.content.report}
            </Typography.Paragraph>
          }
        />
      ) : (
        <Space direction="vertical">
          <Typography.Text type="secondary">
            {t(
              "备案立项的指导计划项目由承担单位自主开展实施管理和结项验收，无财政资金支持；项目完成并取得成果后，由单位在此登记结项。",
              "A filed guiding project is run and accepted by its unit with its own money; once done, the unit records its closure here.",
            )}
          </Typography.Text>
          {a.actions.includes("selfClose") && (
            <Button onClick={() => setOpen(true)} data-testid="self-closure-open">
              {t("登记结项", "Record the closure")}
            </Button>
          )}
        </Space>
      )}
      <SelfClosureModal project={project} acceptance={a} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

function SelfClosureModal({
  project,
  acceptance,
  open,
  onClose,
}: {
  project: Project;
  acceptance: Acceptance;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open,
    onClose,
    mutation: useTrackingMutation(project.id, (body: SelfClosureInput) => selfClose(project.id, body)),
    toVariables: (v: { report: string }) => ({ report: v.report.trim(), commitment: true as const }),
    fields: ["report"],
    successText: t("已登记结项", "Closure recorded"),
  });
  const committed = Form.useWatch("commitment", state.form) === true;
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t("登记结项？", "Record the closure?"),
      content: t(
        `项目 ${project.number}“${project.title}”由本单位自行组织结项。登记后项目结束，不能撤回；本单位已承诺结项材料真实、准确、完整。此操作记入审计日志。`,
        `Project ${project.number} "${project.title}" is closed by the unit. Once recorded the project ends and this cannot be withdrawn; the unit has committed that its materials are true, accurate and complete. The action is audited.`,
      ),
      okText: t("登记结项", "Record"),
      testId: "self-closure-confirm",
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t("自行组织结项", "Close the project")}
      okText={t("下一步", "Next")}
      submitTestId="self-closure-submit"
      formTestId="self-closure-form"
      blockedReason={committed ? null : t("请先阅读并勾选诚信承诺", "Tick the integrity commitment first")}
    >
      <TextField
        name="report"
        label={t(
          "结项报告：完成情况、取得的成果和单位验收结论",
          "The closure report: what was done, the results, the unit's acceptance",
        )}
        min={10}
        max={20000}
        rows={6}
        testId="self-closure-report"
      />
      <Alert type="info" showIcon style={{ marginBottom: 8 }} message={acceptance.commitmentZh} />
      <CommitmentField testId="self-closure-commitment" />
    </FormModal>
  );
}
