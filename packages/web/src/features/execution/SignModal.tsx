import { UploadOutlined } from "@ant-design/icons";
import { attachmentMaxBytes, attachmentTypes, chinaDateOf, formatBytes } from "@luoshu/domain";
import { Alert, Button, DatePicker, Form, Upload, type UploadFile } from "antd";
import type { ProjectDetail } from "../../api/execution";
import { useLocale } from "../../app/locale";
import { dateStringProps } from "../../components/dateField";
import { FormModal, useFormModal } from "../../components/FormModal";
import { wan } from "../../components/money";
import { useConfirmAct, withConfirmation } from "../decisions/confirm";
import { useSignTaskBook } from "./hooks";

interface Values {
  signedOn: string;
  file: UploadFile[];
}

/** A signed scan: PDF or image, as the server checks it (by content there). */
const scanTypes = [attachmentTypes.pdf, attachmentTypes.png, attachmentTypes.jpg];
const accept = scanTypes.flatMap((x) => [...x.extensions, x.mime]).join(",");

type Translate = (zh: string, en: string) => string;

/** Why a chosen file will not be sent, or null; the server checks the content again. */
function refusalOf(file: File, t: Translate): string | null {
  const name = file.name.toLowerCase();
  const typed = scanTypes.some((x) => x.mime === file.type || x.extensions.some((e) => name.endsWith(e)));
  if (!typed) return t("仅接受 PDF、PNG 或 JPEG 文件", "Only a PDF, PNG or JPEG file is accepted");
  if (file.size === 0) return t("文件为空", "The file is empty");
  if (file.size > attachmentMaxBytes)
    return t(
      `文件过大：${formatBytes(file.size)}，上限为 ${formatBytes(attachmentMaxBytes)}`,
      `File too large: ${formatBytes(file.size)}, the limit is ${formatBytes(attachmentMaxBytes)}`,
    );
  return null;
}

const fileOf = (list: UploadFile[] | undefined) => list?.[0]?.originFileObj as File | undefined;

/**
 * 签订任务书: the day it was signed (not after today) and the scan of the signed and sealed paper.
 * Signing starts the execution and commits the project's money in its year's budget.
 */
export function SignModal({
  project: p,
  open,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { lang, t } = useLocale();
  const confirmAct = useConfirmAct();
  const state = useFormModal({
    open,
    onClose,
    mutation: useSignTaskBook(p.id),
    toVariables: (v: Values) => ({ file: fileOf(v.file) as File, signedOn: v.signedOn }),
    fields: ["signedOn", "file"],
    successText: t("任务书已签订", "Task book signed"),
  });
  const modal = withConfirmation(state, (v) =>
    confirmAct({
      title: t("上传扫描件并签订任务书？", "Upload the scan and sign the task book?"),
      content: t(
        `任务书于 ${v.signedOn} 签订，扫描件“${fileOf(v.file)?.name ?? ""}”。签订后项目进入执行阶段，立项资金 ${wan(p.amountFen, lang)} 计入 ${p.year} 年预算的项目承诺（须已录入该年度预算控制数），达到拨付条件的节点即可提出拨款。签订不能撤回，记入审计日志。`,
        `Signed on ${v.signedOn}, scan "${fileOf(v.file)?.name ?? ""}". The project starts executing and its ${wan(p.amountFen, lang)} is committed in the ${p.year} budget (finance must have set that year's control number); nodes whose condition is reached may then be paid. Signing cannot be undone; it is audited.`,
      ),
      okText: t("签订任务书", "Sign the task book"),
      testId: "task-book-sign-confirm",
    }),
  );

  return (
    <FormModal
      modal={modal}
      title={t("上传签章扫描件", "Upload the signed scan")}
      okText={t("下一步", "Next")}
      submitTestId="task-book-sign-submit"
      formTestId="task-book-sign-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          "请下载任务书，打印后由承担单位和市科技局签字盖章，再上传扫描件。",
          "Download the task book, print it, have the unit and the bureau sign and seal it, then upload the scan.",
        )}
      />
      <Form.Item
        name="signedOn"
        label={t("签订日期", "Signed on")}
        rules={[{ required: true, message: t("请选择签订日期", "Choose the day of signing") }]}
        extra={t(`立项日期（${p.approvedOn}）至今天之间`, `Between the approval (${p.approvedOn}) and today`)}
        {...dateStringProps}
      >
        <DatePicker
          style={{ width: "100%" }}
          // days as the server judges them: Beijing's calendar, from the approval to today
          disabledDate={(d) => {
            const day = d.format("YYYY-MM-DD");
            return day < p.approvedOn || day > chinaDateOf(new Date());
          }}
          data-testid="task-book-signed-on"
        />
      </Form.Item>
      <div data-testid="task-book-scan">
        <Form.Item
          name="file"
          label={t("签章扫描件", "Signed scan")}
          required
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          extra={t(
            `PDF、PNG 或 JPEG，不超过 ${formatBytes(attachmentMaxBytes)}`,
            `PDF, PNG or JPEG; at most ${formatBytes(attachmentMaxBytes)}`,
          )}
          rules={[
            {
              validator: (_, list: UploadFile[] | undefined) => {
                const file = fileOf(list);
                if (!file) return Promise.reject(new Error(t("请选择扫描件", "Choose the scan")));
                const why = refusalOf(file, t);
                return why ? Promise.reject(new Error(why)) : Promise.resolve();
              },
            },
          ]}
        >
          <Upload accept={accept} maxCount={1} beforeUpload={() => false}>
            <Button icon={<UploadOutlined />}>{t("选择文件", "Choose a file")}</Button>
          </Upload>
        </Form.Item>
      </div>
    </FormModal>
  );
}
