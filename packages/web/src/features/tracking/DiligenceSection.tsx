import type { diligenceBody } from "@luoshu/contract";
import { Alert, Button, Card, Space, Typography } from "antd";
import { useState } from "react";
import { apiFetch } from "../../api/client";
import type { In } from "../../api/decisions";
import type { Tracking } from "../../api/tracking";
import { useLocale } from "../../app/locale";
import { FormModal, useFormModal } from "../../components/FormModal";
import { formatDateTime } from "../../components/time";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { CitedLabel, TextField } from "../project-life/fields";
import { Citation } from "../reviews/HorseRaceModal";
import { useTracking, useTrackingMutation } from "./hooks";

type DiligenceInput = In<typeof diligenceBody>;

const findDiligence = (id: string, body: DiligenceInput): Promise<Tracking> =>
  apiFetch(`/projects/${encodeURIComponent(id)}/diligence`, { method: "POST", body });

/**
 * 宽容失败 (DT-RULES §5; LY-PLAN §九(三)): shown once a project has failed — its acceptance not passed,
 * or terminated on its unit's application — for the bureau to record its finding of due diligence,
 * and afterwards to everyone who sees the project, with the clause.
 */
export function DiligenceSection({ project }: { project: { id: string; number: string; title: string } }) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const tracking = useTracking(project.id).data;
  if (!tracking) return null;
  const a = tracking.acceptance;
  const may = a.actions.includes("findDiligence");
  if (!a.diligence && !may) return null;
  return (
    <Card size="small" title={t("宽容失败", "Tolerated failure")} data-testid="diligence-card">
      {a.diligence ? (
        <Alert
          type="success"
          showIcon
          data-testid="diligence-found"
          message={
            <Space size={4} wrap>
              <span>
                {t(
                  "已认定勤勉尽责：项目不予处理，其评价等级不计入单位和负责人的后续立项。",
                  "Due diligence found: the project closes without sanction, and its grade does not count against its unit or PI.",
                )}
              </span>
              <Citation source={a.diligence.citation} />
            </Space>
          }
          description={
            <>
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 4 }}>
                {a.diligence.finding}
              </Typography.Paragraph>
              <Typography.Text>
                {a.diligence.byName ?? "—"} {formatDateTime(a.diligence.at)}
              </Typography.Text>
            </>
          }
        />
      ) : (
        <Space direction="vertical">
          <Typography.Text type="secondary">
            {t(
              "项目未能实现预期目标。经核查符合规定、勤勉尽责、未谋取非法利益的，可认定宽容失败。",
              "The project did not reach its targets. Where it kept the rules, was diligent and sought no illicit gain, the failure may be tolerated.",
            )}
          </Typography.Text>
          <Button onClick={() => setOpen(true)} data-testid="diligence-open">
            {t("认定勤勉尽责", "Find due diligence")}
          </Button>
        </Space>
      )}
      <DiligenceModal
        project={project}
        citation={a.diligenceCitation}
        open={open}
        onClose={() => setOpen(false)}
      />
    </Card>
  );
}

function DiligenceModal({
  project,
  citation,
  open,
  onClose,
}: {
  project: { id: string; number: string; title: string };
  citation: Tracking["acceptance"]["diligenceCitation"];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open,
    onClose,
    mutation: useTrackingMutation(project.id, (body: DiligenceInput) => findDiligence(project.id, body)),
    toVariables: (v: DiligenceInput) => ({ finding: v.finding.trim() }),
    fields: ["finding"],
    successText: t("已认定勤勉尽责", "Due diligence found"),
  });
  const consequence = t(
    "认定后项目不予处理（不能再对其采取处理措施），其“不合格”等级不计入承担单位和负责人的后续立项；认定不可撤回。",
    "Once found, no sanction can be imposed on the project and its fail grade does not count against its unit or PI in later lists; the finding cannot be withdrawn.",
  );
  const modal = withConfirmation(state, () =>
    confirmAct({
      title: t("认定该项目勤勉尽责？", "Find that the project was carried out with due diligence?"),
      content: t(
        `项目 ${project.number}“${project.title}”。${consequence}此决定记入审计日志。`,
        `Project ${project.number} "${project.title}". ${consequence} The decision is audited.`,
      ),
      okText: t("确认认定", "Record the finding"),
      testId: "diligence-confirm",
    }),
  );
  return (
    <FormModal
      modal={modal}
      title={t("认定勤勉尽责（宽容失败）", "Find due diligence (tolerated failure)")}
      okText={t("下一步", "Next")}
      submitTestId="diligence-submit"
      formTestId="diligence-form"
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={consequence} />
      <TextField
        name="finding"
        label={
          <CitedLabel
            text={t("核查结论：符合规定、勤勉尽责、未谋取非法利益的依据", "The finding and its grounds")}
            source={citation}
          />
        }
        min={10}
        max={4000}
        rows={4}
        testId="diligence-finding"
      />
    </FormModal>
  );
}
