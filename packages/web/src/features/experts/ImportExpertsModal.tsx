import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { expertImportLimits } from "@luoshu/domain";
import type { ButtonProps } from "antd";
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { type ExpertImportProblem, type ExpertImportResult, expertTemplateUrl } from "../../api/experts";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useCommitImport, useDryRunImport } from "./hooks";

/**
 * Import from the template: upload → the dry run lists every bad row (row, column, reason) and
 * writes nothing → a clean file is imported, after a confirmation, by sending it again. The new
 * accounts' initial passwords are shown once, to hand over.
 */
export function ImportExpertsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang, t } = useLocale();
  const { modal } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [created, setCreated] = useState<ExpertImportResult["created"] | null>(null);
  const dryRun = useDryRunImport();
  const commit = useCommitImport();
  const report = dryRun.data;
  const { reset: resetDry } = dryRun;
  const { reset: resetCommit } = commit;

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setCreated(null);
    resetDry();
    resetCommit();
  }, [open, resetDry, resetCommit]);

  const why = !file
    ? t("请先上传按模板填写的文件。", "Upload a filled-in template first.")
    : dryRun.isPending
      ? t("正在检查文件…", "Checking the file…")
      : !report
        ? t(
            "文件未通过读取，请按提示修改后重新上传。",
            "The file could not be read; fix it and upload again.",
          )
        : !report.ok
          ? t(
              `文件有 ${report.problems.length} 处错误，修改后重新上传；在此之前不会导入任何专家。`,
              `The file has ${report.problems.length} problems; fix them and upload again. Nothing is imported until then.`,
            )
          : null;
  const canCommit = why === null && !created;

  const onCommit = () =>
    modal.confirm({
      title: t(`确认导入 ${report?.rows ?? 0} 名专家？`, `Import ${report?.rows ?? 0} experts?`),
      content: t(
        "将为每位专家创建账号（角色：评审专家）和专家信息；初始密码只显示一次，专家首次登录须修改密码。",
        "An account (role: expert) and a profile are made for each; the initial passwords are shown once and must be changed at first login.",
      ),
      okText: t("确认导入", "Import"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": "expert-import-commit-confirm" } as ButtonProps,
      onOk: () => {
        if (file) commit.mutate(file, { onSuccess: (res) => setCreated(res.created) });
      },
    });

  return (
    <Modal
      open={open}
      title={t("导入专家", "Import experts")}
      onCancel={onClose}
      width={820}
      destroyOnHidden
      data-testid="expert-import-modal"
      footer={
        <Space wrap style={{ justifyContent: "flex-end" }}>
          {why && !created && (
            <Typography.Text type="secondary" data-testid="expert-import-why">
              {why}
            </Typography.Text>
          )}
          <Button onClick={onClose} data-testid="expert-import-close">
            {created ? t("完成", "Done") : t("取消", "Cancel")}
          </Button>
          {!created && (
            <Button
              type="primary"
              disabled={!canCommit}
              loading={commit.isPending}
              onClick={onCommit}
              data-testid="expert-import-commit"
            >
              {t("导入", "Import")}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: "100%" }} size="middle">
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t(
            `按模板填写（第1行为表头），每个文件至多 ${expertImportLimits.maxRows} 行、${expertImportLimits.maxBytes / 1048576} MB。先检查全部行，无错误后方可导入。`,
            `Fill in the template (row 1 is the header); at most ${expertImportLimits.maxRows} rows and ${expertImportLimits.maxBytes / 1048576} MB per file. Every row is checked first; only a clean file is imported.`,
          )}
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={expertTemplateUrl} data-testid="expert-import-template">
            {t("下载模板", "Download the template")}
          </Button>
          {!created && (
            <span data-testid="expert-import-upload">
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(f) => {
                  setFile(f);
                  resetCommit();
                  dryRun.mutate(f);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={dryRun.isPending}>
                  {file ? t("重新上传", "Upload again") : t("上传文件并检查", "Upload and check")}
                </Button>
              </Upload>
            </span>
          )}
          {file && <Typography.Text data-testid="expert-import-file">{file.name}</Typography.Text>}
        </Space>
        <ErrorAlert error={dryRun.error} />
        <ErrorAlert error={commit.error} />
        {report && !created && report.ok && (
          <Alert
            type="success"
            showIcon
            data-testid="expert-import-clean"
            message={t(
              `共 ${report.rows} 行，全部通过检查，可以导入。`,
              `${report.rows} rows, all clean: ready to import.`,
            )}
          />
        )}
        {report && !report.ok && (
          <>
            <Alert
              type="error"
              showIcon
              message={t(
                `共 ${report.rows} 行，发现 ${report.problems.length} 处错误；未写入任何数据。`,
                `${report.rows} rows, ${report.problems.length} problems; nothing was written.`,
              )}
            />
            <Table<ExpertImportProblem>
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.kind}`}
              data-testid="expert-import-problems"
              pagination={false}
              scroll={{ y: 280 }}
              dataSource={report.problems}
              columns={[
                { title: t("行", "Row"), dataIndex: "row", width: 64 },
                { title: t("列", "Column"), dataIndex: "column", width: 200 },
                {
                  title: t("原因", "Reason"),
                  key: "reason",
                  render: (_, p) => pickLang(lang, p.reasonZh, p.reasonEn),
                },
              ]}
            />
          </>
        )}
        {created && (
          <>
            <Alert
              type="warning"
              showIcon
              data-testid="expert-import-done"
              message={t(
                `已导入 ${created.length} 名专家。请将初始密码当面或通过安全渠道交给专家本人；密码只显示这一次，专家首次登录须修改。`,
                `${created.length} experts imported. Hand each initial password to the expert in person or by a secure channel; it is shown only now and must be changed at first login.`,
              )}
            />
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="expert-import-created"
              dataSource={created}
              columns={[
                { title: t("姓名", "Name"), dataIndex: "displayName" },
                { title: t("用户名", "Username"), dataIndex: "username" },
                {
                  title: t("初始密码", "Initial password"),
                  dataIndex: "initialPassword",
                  render: (v: string) => <code>{v}</code>,
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
