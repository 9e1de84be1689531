import { CheckCircleFilled, DownloadOutlined } from "@ant-design/icons";
import { commitmentScanCode } from "@luoshu/domain";
import { Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import { type Application, type Attachment, allows, commitmentLetterUrl } from "../../api/applications";
import { useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/time";
import { usePolicy } from "../policies/hooks";
import { AttachmentUpload } from "./AttachmentUpload";
import { SectionProblems } from "./form/problems";
import { useCommitment } from "./hooks";

/** 承诺书: confirmed by the PI and by the unit for its legal representative, then the signed scan uploaded. */
export function CommitmentPanel({
  application: a,
  attachments,
}: {
  application: Application;
  attachments: Attachment[];
}) {
  const { t } = useLocale();
  const confirm = useCommitment(a.id);
  const policy = usePolicy(a.cityCode, a.policyVersion);
  const source = policy.data?.eligibility.find((e) => e.code === "commitmentLetter")?.source;
  const clause = source?.kind === "clause" ? `${source.doc} ${source.clause}` : null;
  const c = a.commitment;

  const confirmed = (at: string | undefined, testId: string) =>
    at ? (
      <Tag color="green" icon={<CheckCircleFilled />} data-testid={testId}>
        {t(`已确认 ${formatDateTime(at)}`, `Confirmed ${formatDateTime(at)}`)}
      </Tag>
    ) : (
      <Tag data-testid={testId}>{t("未确认", "Not confirmed")}</Tag>
    );

  const confirmButton = (as: "pi" | "unit", done: boolean) =>
    allows(a, as === "pi" ? "confirmAsPi" : "confirmAsUnit") && !done ? (
      <Button
        size="small"
        type="primary"
        loading={confirm.isPending && confirm.variables === as}
        onClick={() => confirm.mutate(as)}
        data-testid={`commitment-confirm-${as}`}
      >
        {as === "pi"
          ? t("本人确认承诺", "Confirm my commitment")
          : t("代表法定代表人确认", "Confirm for the legal representative")}
      </Button>
    ) : null;

  return (
    <Card
      size="small"
      data-testid="commitment-panel"
      title={
        <Space>
          {t("承诺书", "Commitment letter")}
          {clause && <ClauseTag clause={clause} />}
        </Space>
      }
    >
      <SectionProblems match={(p) => p === "commitment"} testId="problems-commitment" />
      <Typography.Paragraph type="secondary">
        {t(
          "承诺书须由项目负责人本人确认，并由申报单位代表法定代表人确认；请下载承诺书，打印后签字盖章，上传扫描件（PDF、PNG 或 JPG）。",
          "The PI confirms the commitment, the unit confirms for its legal representative; download the letter, print, sign and seal it, then upload the scan (PDF, PNG or JPG).",
        )}
      </Typography.Paragraph>
      <ErrorAlert error={confirm.error} style={{ marginBottom: 12 }} />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          ...(allows(a, "exportPdf")
            ? [
                {
                  key: "letter",
                  label: t("承诺书文本", "Letter"),
                  children: (
                    <Button
                      size="small"
                      icon={<DownloadOutlined />}
                      href={commitmentLetterUrl(a.id)}
                      target="_blank"
                      data-testid="commitment-letter"
                    >
                      {t("下载承诺书（PDF）", "Download the letter (PDF)")}
                    </Button>
                  ),
                },
              ]
            : []),
          {
            key: "pi",
            label: t("项目负责人确认", "PI"),
            children: (
              <Space wrap>
                {confirmed(c.piConfirmedAt, "commitment-pi-status")}
                {confirmButton("pi", Boolean(c.piConfirmedAt))}
              </Space>
            ),
          },
          {
            key: "unit",
            label: t("单位（法定代表人）确认", "Unit (legal representative)"),
            children: (
              <Space wrap>
                {confirmed(c.unitConfirmedAt, "commitment-unit-status")}
                {confirmButton("unit", Boolean(c.unitConfirmedAt))}
              </Space>
            ),
          },
          {
            key: "scan",
            label: t("签字盖章扫描件", "Signed scan"),
            children: (
              <AttachmentUpload
                applicationId={a.id}
                code={commitmentScanCode}
                attachment={attachments.find((x) => x.code === commitmentScanCode)}
                canUpload={allows(a, "upload")}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
