import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { attachmentMaxBytes, attachmentTypes, attachmentTypesFor, formatBytes } from "@luoshu/domain";
import { Alert, App, Button, Space, Typography, Upload } from "antd";
import { useState } from "react";
import type { Attachment } from "../../api/applications";
import { type Lang, pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatDateTime } from "../../components/time";
import { useUpload } from "./hooks";

const kb = (size: number) =>
  size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KB` : `${(size / 1048576).toFixed(1)} MB`;

/** What an attachment slot takes, as the server checks it: the types (by name here, by content there) and the size. */
function acceptedFor(code: string, lang: Lang) {
  const types = attachmentTypesFor(code).map((ext) => attachmentTypes[ext]);
  const extensions: string[] = types.flatMap((x) => [...x.extensions]);
  return {
    /** For the file picker. */
    accept: extensions.join(","),
    /** What a person reads: `PDF、PNG 图片、JPEG 图片，不超过 20.0 MB`. */
    text: pickLang(
      lang,
      `${types.map((x) => x.labelZh).join("、")}，不超过 ${formatBytes(attachmentMaxBytes)}`,
      `${types.map((x) => x.labelEn).join(", ")}; at most ${formatBytes(attachmentMaxBytes)}`,
    ),
    /** Why a chosen file will not be sent, or null. The server checks the content again. */
    refusal(file: File): string | null {
      const name = file.name.toLowerCase();
      const byName = extensions.some((e) => name.endsWith(e));
      const byType = types.some((x) => x.mime === file.type);
      if (!byName && !byType)
        return pickLang(
          lang,
          `不支持该文件类型：仅接受 ${types.map((x) => x.labelZh).join("、")}`,
          `Type not accepted: only ${types.map((x) => x.labelEn).join(", ")}`,
        );
      if (file.size === 0) return pickLang(lang, "文件为空", "The file is empty");
      if (file.size > attachmentMaxBytes)
        return pickLang(
          lang,
          `文件过大：${formatBytes(file.size)}，上限为 ${formatBytes(attachmentMaxBytes)}`,
          `File too large: ${formatBytes(file.size)}, the limit is ${formatBytes(attachmentMaxBytes)}`,
        );
      return null;
    },
  };
}

/**
 * One attachment slot: what is uploaded under the code, and (in the applicant's turn) an upload
 * button with the types and the size it takes written beside it; a file that does not fit is
 * refused here, with the reason, before anything is sent.
 */
export function AttachmentUpload({
  applicationId,
  code,
  attachment,
  canUpload,
}: {
  applicationId: string;
  code: string;
  attachment?: Attachment;
  canUpload: boolean;
}) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const upload = useUpload(applicationId);
  const [refused, setRefused] = useState<string | null>(null);
  const accepted = acceptedFor(code, lang);
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
              accept={accepted.accept}
              showUploadList={false}
              beforeUpload={(file) => {
                const why = accepted.refusal(file);
                setRefused(why);
                if (why) {
                  upload.reset();
                  return Upload.LIST_IGNORE;
                }
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
        {canUpload && (
          <Typography.Text type="secondary" data-testid={`attachment-limits-${code}`}>
            {accepted.text}
          </Typography.Text>
        )}
      </Space>
      {refused && (
        <Alert type="error" showIcon message={refused} data-testid={`attachment-refused-${code}`} />
      )}
      <ErrorAlert error={upload.error} />
    </Space>
  );
}
