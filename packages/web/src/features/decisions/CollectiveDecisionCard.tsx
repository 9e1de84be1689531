import { PaperClipOutlined, SaveOutlined, UploadOutlined } from "@ant-design/icons";
import { attachmentMaxBytes, attachmentTypes, formatBytes } from "@luoshu/domain";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Row,
  Space,
  Typography,
  Upload,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import {
  type CollectiveDecisionInput,
  collectiveDecisionAttachmentUrl,
  type ProposedList,
} from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { applyFieldErrors } from "../../components/formErrors";
import { lengthLimit } from "../../components/lengthLimit";
import { formatDateTime } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";
import { useRecordCollectiveDecision, useUploadCollectiveDecision } from "./hooks";
import { actionNames } from "./labels";

const fields = ["meeting", "heldOn", "attendees", "decision"] as const;
const pdf = attachmentTypes.pdf;

/** Why a chosen file will not be sent, or null; the server checks the content again. */
function refusalOf(file: File, t: (zh: string, en: string) => string): string | null {
  const named = pdf.extensions.some((e) => file.name.toLowerCase().endsWith(e));
  if (!named && file.type !== pdf.mime) return t("仅接受 PDF 文件", "Only a PDF is accepted");
  if (file.size === 0) return t("文件为空", "The file is empty");
  if (file.size > attachmentMaxBytes)
    return t(
      `文件过大：${formatBytes(file.size)}，上限为 ${formatBytes(attachmentMaxBytes)}`,
      `File too large: ${formatBytes(file.size)}, the limit is ${formatBytes(attachmentMaxBytes)}`,
    );
  return null;
}

/**
 * 集体决策: the meeting that decided the list (局党组会 / 局长办公会), who attended and what it decided,
 * with its minutes as a PDF. The list cannot be submitted without it.
 */
export function CollectiveDecisionCard({ list }: { list: ProposedList }) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<CollectiveDecisionInput>();
  const record = useRecordCollectiveDecision(list.id);
  const upload = useUploadCollectiveDecision(list.id);
  const [refused, setRefused] = useState<string | null>(null);
  const cd = list.collectiveDecision;
  const editable = list.allowedActions.includes("recordCollectiveDecision");
  const limits = {
    meeting: lengthLimit(200, t),
    attendees: lengthLimit(1000, t),
    decision: lengthLimit(4000, t),
  };

  const onSave = async () => {
    let values: CollectiveDecisionInput;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    record.mutate(
      {
        meeting: values.meeting.trim(),
        heldOn: values.heldOn,
        attendees: values.attendees.trim(),
        decision: values.decision.trim(),
      },
      {
        onSuccess: () => message.success(t("集体决策已登记", "Collective decision recorded")),
        onError: (err) => applyFieldErrors(form, err, lang, fields),
      },
    );
  };

  const attachment = cd?.attachment ? (
    <a
      href={collectiveDecisionAttachmentUrl(list.id)}
      target="_blank"
      rel="noreferrer"
      data-testid="cd-attachment"
    >
      <PaperClipOutlined /> {cd.attachment.fileName}
      {t(`（${formatBytes(cd.attachment.size)}）`, ` (${formatBytes(cd.attachment.size)})`)}
    </a>
  ) : (
    <Typography.Text type="secondary" data-testid="cd-attachment-missing">
      {t("未上传会议纪要", "No minutes uploaded")}
    </Typography.Text>
  );

  return (
    <Card
      size="small"
      data-testid="collective-decision"
      title={
        <Space size={4}>
          {t("集体决策", "Collective decision")}
          <Citation source={list.steps.collectiveDecision} />
        </Space>
      }
    >
      {!editable &&
        (cd ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "meeting", label: t("会议", "Meeting"), children: cd.meeting },
              { key: "heldOn", label: t("会议日期", "Held on"), children: cd.heldOn },
              { key: "attendees", label: t("参会人员", "Attendees"), span: "filled", children: cd.attendees },
              { key: "decision", label: t("决策意见", "Decision"), span: "filled", children: cd.decision },
              { key: "attachment", label: t("会议纪要", "Minutes"), children: attachment },
              {
                key: "recordedAt",
                label: t("登记时间", "Recorded"),
                children: formatDateTime(cd.recordedAt),
              },
            ]}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="cd-none">
            {t("尚未登记集体决策", "No collective decision recorded yet")}
          </Typography.Text>
        ))}
      {editable && (
        <Form
          key={cd?.recordedAt ?? "new"}
          form={form}
          layout="vertical"
          initialValues={cd ?? undefined}
          data-testid="cd-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                name="meeting"
                label={t("会议名称", "Meeting")}
                rules={[{ required: true, whitespace: true }, { min: 2 }, limits.meeting.rule]}
              >
                <Input
                  count={limits.meeting.count}
                  placeholder={t("如：局长办公会", "e.g. the bureau's office meeting")}
                  data-testid="cd-meeting"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="heldOn"
                label={t("会议日期", "Held on")}
                rules={[{ required: true }]}
                {...dateStringProps}
              >
                <DatePicker
                  style={{ width: "100%" }}
                  disabledDate={(d) => d.isAfter(dayjs(), "day")}
                  data-testid="cd-held-on"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="attendees"
            label={t("参会人员", "Attendees")}
            rules={[{ required: true, whitespace: true }, { min: 2 }, limits.attendees.rule]}
          >
            <Input.TextArea rows={2} count={limits.attendees.count} data-testid="cd-attendees" />
          </Form.Item>
          <Form.Item
            name="decision"
            label={t("决策意见", "Decision")}
            rules={[{ required: true, whitespace: true }, { min: 2 }, limits.decision.rule]}
          >
            <Input.TextArea rows={3} count={limits.decision.count} data-testid="cd-decision" />
          </Form.Item>
          <Space wrap>
            <Button icon={<SaveOutlined />} onClick={onSave} loading={record.isPending} data-testid="cd-save">
              {cd ? t("更新集体决策记录", "Update the record") : actionNames.recordCollectiveDecision[lang]}
            </Button>
            {cd && (
              <Typography.Text type="secondary">
                {t(`登记于 ${formatDateTime(cd.recordedAt)}`, `Recorded ${formatDateTime(cd.recordedAt)}`)}
              </Typography.Text>
            )}
          </Space>
          <ErrorAlert error={record.error} style={{ marginTop: 12 }} />
        </Form>
      )}
      {editable && (
        <Space direction="vertical" size={4} style={{ width: "100%", marginTop: 16 }}>
          <Space wrap>
            <Typography.Text strong>{t("会议纪要", "Minutes")}</Typography.Text>
            {attachment}
            {cd ? (
              <span data-testid="cd-upload">
                <Upload
                  accept={[...pdf.extensions, pdf.mime].join(",")}
                  showUploadList={false}
                  beforeUpload={(file) => {
                    const refusal = refusalOf(file, t);
                    setRefused(refusal);
                    if (refusal) {
                      upload.reset();
                      return Upload.LIST_IGNORE;
                    }
                    upload.mutate(file, { onSuccess: () => message.success(t("已上传", "Uploaded")) });
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                    {cd.attachment ? t("重新上传", "Replace") : t("上传 PDF", "Upload PDF")}
                  </Button>
                </Upload>
              </span>
            ) : (
              <Typography.Text type="secondary">
                {t("请先登记集体决策，再上传会议纪要", "Record the decision first, then upload its minutes")}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">
              {t(
                `PDF，不超过 ${formatBytes(attachmentMaxBytes)}`,
                `PDF, at most ${formatBytes(attachmentMaxBytes)}`,
              )}
            </Typography.Text>
          </Space>
          {refused && <Alert type="error" showIcon message={refused} data-testid="cd-upload-refused" />}
          <ErrorAlert error={upload.error} />
        </Space>
      )}
    </Card>
  );
}
