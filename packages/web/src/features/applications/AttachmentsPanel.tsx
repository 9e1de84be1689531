import { Card, Table, Tag } from "antd";
import type { Attachment } from "../../api/applications";
import type { Guide } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { AttachmentUpload } from "./AttachmentUpload";
import { SectionProblems } from "./form/problems";

type Required = Guide["content"]["requiredAttachments"][number];

/** The attachments the guide asks for, each with its upload slot. */
export function AttachmentsPanel({
  applicationId,
  guide,
  attachments,
  canUpload,
}: {
  applicationId: string;
  guide?: Guide;
  attachments: Attachment[];
  canUpload: boolean;
}) {
  const { t } = useLocale();
  const wanted = guide?.content.requiredAttachments ?? [];
  if (wanted.length === 0) return null;
  return (
    <Card size="small" title={t("申报附件", "Attachments")} data-testid="attachments-panel">
      <SectionProblems match={(p) => p.startsWith("attachments.")} testId="problems-attachments" />
      <Table<Required>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={wanted}
        columns={[
          {
            title: t("附件", "Attachment"),
            dataIndex: "nameZh",
            render: (name: string, a) => (
              <>
                {name}{" "}
                {a.required ? (
                  <Tag color="red">{t("必需", "Required")}</Tag>
                ) : (
                  <Tag>{t("可选", "Optional")}</Tag>
                )}
              </>
            ),
          },
          {
            title: t("文件", "File"),
            key: "file",
            render: (_, a) => (
              <AttachmentUpload
                applicationId={applicationId}
                code={a.code}
                attachment={attachments.find((x) => x.code === a.code)}
                canUpload={canUpload}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
