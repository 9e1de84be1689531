import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Space, Typography, Upload } from "antd";
import type { Attachment } from "../../api/applications";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/time";
import { useUpload } from "./hooks";

const kb = (size: number) =>
  size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KB` : `${(size / 1048576).toFixed(1)} MB`;

/** One attachment slot: what is uploaded under the code, and (in the applicant's turn) an upload button. */
export function AttachmentUpload({
  applicationId,
  code,
  attachment,
  canUpload,
  accept,
}: {
  applicationId: string;
  code: string;
  attachment?: Attachment;
  canUpload: boolean;
  accept: string;
}) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const upload = useUpload(applicationId);
  return (
    <Space direction="vertical" size={4} style={{ width: "100%" }}>
      <Space wrap>
        {attachment ? (
          <Typography.Text data-testid={`attachment-file-${code}`}>
            <PaperClipOutlined /> {attachment.fileName}（{kb(attachment.size)}，
            {formatDateTime(attachment.uploadedAt)}）
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid={`attachment-missing-${code}`}>
            {t("未上传", "Not uploaded")}
          </Typography.Text>
        )}
        {canUpload && (
          <span data-testid={`attachment-upload-${code}`}>
            <Upload
              accept={accept}
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate({ code, file }, { onSuccess: () => message.success(t("已上传", "Uploaded")) });
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                {attachment ? t("重新上传", "Replace") : t("上传", "Upload")}
              </Button>
            </Upload>
          </span>
        )}
      </Space>
      <ErrorAlert error={upload.error} />
    </Space>
  );
}
