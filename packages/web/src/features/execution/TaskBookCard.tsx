import {
  CheckCircleFilled,
  DownloadOutlined,
  FileWordOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { formatBytes } from "@luoshu/domain";
import { Alert, App, Button, Card, DatePicker, Descriptions, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import {
  type ProjectDetail,
  type TaskBookConfirmation,
  taskBookDocxUrl,
  taskBookPdfUrl,
  taskBookScanUrl,
} from "../../api/execution";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { useConfirmAct } from "../decisions/confirm";
import { citationText } from "../joint/labels";
import { GuardedButton } from "../reviews/GuardedButton";
import { Citation } from "../reviews/HorseRaceModal";
import { useConfirmTaskBook, useDrawTaskBook } from "./hooks";
import { byAt, confirmationNames, taskBookStatusColors, taskBookStatusText } from "./labels";
import { TaskBookContent } from "./TaskBookContent";

/**
 * 计划任务书: drawn up by the bureau from the approved project, confirmed on the platform by the unit
 * and by the bureau (either first), printed, signed and sealed, and its scan uploaded with the day of
 * signing. Each step says what it does before it is taken.
 */
export function TaskBookCard({ project: p, onSign }: { project: ProjectDetail; onSign: () => void }) {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const draw = useDrawTaskBook(p.id);
  const confirm = useConfirmTaskBook(p.id);
  const tb = p.taskBook;
  // a project with no application (a challenge, a commission) takes its period from the bureau
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const periodBody = period
    ? { startDate: period[0].format("YYYY-MM-DD"), endDate: period[1].format("YYYY-MM-DD") }
    : undefined;

  const onDraw = async (pilot: boolean) => {
    const clause = p.lumpSumPilotOffered ? citationText(p.lumpSumPilotOffered.source, t) : "";
    const periodText = p.applicationId
      ? ""
      : periodBody
        ? t(
            `任务书载明起止日期 ${periodBody.startDate} 至 ${periodBody.endDate}，进展报告按此排期。`,
            `The task book runs from ${periodBody.startDate} to ${periodBody.endDate}; progress reports are scheduled by it.`,
          )
        : t(
            "未设定起止日期：任务书不载明期限，也不安排进展报告。",
            "No period set: the task book states none, and no progress reports are scheduled.",
          );
    const ok = await confirmAct({
      title: pilot
        ? t("拟定任务书并纳入经费包干制试点？", "Draw up the task book in the lump-sum pilot?")
        : t("拟定计划任务书？", "Draw up the task book?"),
      content: t(
        `依据项目 ${p.number} 的立项信息、申报书和政策版本 ${p.policyVersion} 生成计划任务书（目标、进度、预算、团队和拨付节点）。${pilot ? `本项目纳入经费包干制试点（${clause}）：由承担单位自主编制和调整经费预算，实行项目负责人签字报销制。` : ""}${periodText}拟定后送承担单位和市科技局分别在平台确认，不能重新生成；未指定责任人的，由您担任项目责任人。此操作记入审计日志。`,
        `The task book of project ${p.number} is drawn from the approved project, its application and policy version ${p.policyVersion} (targets, milestones, budget, team and payment nodes).${pilot ? ` The project joins the lump-sum pilot (${clause}): the unit sets and adjusts its own budget, reimbursed on the PI's signature.` : ""} ${periodText} The unit and the bureau then confirm it on the platform; it cannot be drawn again. Without a responsible officer you become it. The action is audited.`,
      ),
      okText: pilot ? t("拟定（包干制试点）", "Draw up (pilot)") : t("拟定任务书", "Draw up"),
      testId: pilot ? "task-book-draw-pilot-confirm" : "task-book-draw-confirm",
    });
    if (ok)
      draw.mutate(
        { lumpSumPilot: pilot, ...(periodBody ? { period: periodBody } : {}) },
        { onSuccess: () => message.success(t("任务书已拟定", "Task book drawn up")) },
      );
  };

  const onConfirm = async (e: TaskBookConfirmation) => {
    const unit = e === "confirmUnit";
    const ok = await confirmAct({
      title: unit
        ? t("代表承担单位确认任务书？", "Confirm for the unit?")
        : t("代表市科技局确认任务书？", "Confirm for the bureau?"),
      content: t(
        `${unit ? `代表${p.unitName}` : "代表市科技局"}确认任务书内容（目标、进度、预算和拨付节点）无误。确认不能撤回；双方均确认后，方可上传签字盖章的任务书扫描件。此操作记入审计日志。`,
        `${unit ? `For ${p.unitName}` : "For the bureau"}, you confirm the task book's content (targets, milestones, budget and payment nodes). It cannot be withdrawn; once both sides have confirmed, the signed and sealed scan may be uploaded. The action is audited.`,
      ),
      okText: confirmationNames[e][lang],
      testId: `task-book-${e}-confirm`,
    });
    if (ok) confirm.mutate(e, { onSuccess: () => message.success(t("已确认", "Confirmed")) });
  };

  if (!tb) {
    return (
      <Card size="small" title={t("计划任务书", "Task book")} data-testid="task-book">
        <Space direction="vertical" style={{ width: "100%" }}>
          {p.taskBookBlocked ? (
            <Alert
              type="info"
              showIcon
              data-testid="task-book-blocked"
              message={pickLang(lang, p.taskBookBlocked.messageZh, p.taskBookBlocked.messageEn)}
            />
          ) : (
            <Typography.Text type="secondary" data-testid="task-book-none">
              {t("市科技局尚未拟定任务书。", "The bureau has not drawn up the task book yet.")}
            </Typography.Text>
          )}
          {p.actions.includes("drawTaskBook") && !p.applicationId && (
            <Space wrap>
              <Typography.Text>
                {t("起止日期（无申报书，由市科技局设定）", "Period (no application: set by the bureau)")}
              </Typography.Text>
              <DatePicker.RangePicker
                value={period}
                onChange={(v) => setPeriod(v?.[0] && v[1] ? [v[0], v[1]] : null)}
                data-testid="task-book-period"
              />
            </Space>
          )}
          {p.actions.includes("drawTaskBook") && (
            <Space wrap>
              <Button
                type="primary"
                onClick={() => void onDraw(false)}
                loading={draw.isPending && draw.variables?.lumpSumPilot === false}
                data-testid="task-book-draw"
              >
                {t("拟定任务书", "Draw up the task book")}
              </Button>
              {/* 包干制试点 (LY-FUNDS §13(一)): offered for an independent research institute's project only */}
              {p.lumpSumPilotOffered && (
                <Button
                  onClick={() => void onDraw(true)}
                  loading={draw.isPending && draw.variables?.lumpSumPilot === true}
                  data-testid="task-book-draw-pilot"
                >
                  {t("拟定任务书（纳入经费包干制试点）", "Draw up in the lump-sum pilot")}
                </Button>
              )}
            </Space>
          )}
          <ErrorAlert error={draw.error} />
        </Space>
      </Card>
    );
  }

  const side = (e: TaskBookConfirmation, record: { at: string; byName: string } | null, testId: string) => (
    <Space wrap>
      {record ? (
        <Tag color="green" icon={<CheckCircleFilled />} data-testid={testId}>
          {t(`已确认 ${byAt(record)}`, `Confirmed ${byAt(record)}`)}
        </Tag>
      ) : (
        <Tag data-testid={testId}>{t("待确认", "Not confirmed")}</Tag>
      )}
      {tb.actions.includes(e) && (
        <Button
          size="small"
          type="primary"
          onClick={() => void onConfirm(e)}
          loading={confirm.isPending && confirm.variables === e}
          data-testid={`task-book-${e}`}
        >
          {confirmationNames[e][lang]}
        </Button>
      )}
    </Space>
  );

  // the unit or the bureau uploads it (taskBook.sign); before both confirmed, the button says why not yet
  const mayUpload = me.permissions.includes("taskBook.sign");
  const scan = tb.signed ? (
    <Space direction="vertical" size={0}>
      <a href={taskBookScanUrl(p.id)} target="_blank" rel="noreferrer" data-testid="task-book-scan-link">
        <PaperClipOutlined /> {tb.signed.fileName}
        {t(`（${formatBytes(tb.signed.size)}）`, ` (${formatBytes(tb.signed.size)})`)}
      </a>
      <Typography.Text type="secondary" data-testid="task-book-signed">
        {t(
          `${tb.signed.signedOn} 签订；${tb.signed.byName} 于 ${formatDateTime(tb.signed.at)} 上传`,
          `Signed ${tb.signed.signedOn}; uploaded by ${tb.signed.byName} ${formatDateTime(tb.signed.at)}`,
        )}
      </Typography.Text>
    </Space>
  ) : tb.actions.includes("sign") ? (
    <Button icon={<UploadOutlined />} type="primary" onClick={onSign} data-testid="task-book-sign">
      {t("上传签章扫描件", "Upload the signed scan")}
    </Button>
  ) : mayUpload && tb.status === "drafted" ? (
    <Space direction="vertical" size={4}>
      <GuardedButton
        icon={<UploadOutlined />}
        blockedReason={t("双方均确认后方可上传", "Both sides confirm first")}
        testId="task-book-sign"
      >
        {t("上传签章扫描件", "Upload the signed scan")}
      </GuardedButton>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(
          "承担单位和市科技局均确认后方可上传签章扫描件。",
          "Both the unit and the bureau confirm before the scan is uploaded.",
        )}
      </Typography.Text>
    </Space>
  ) : (
    <Typography.Text type="secondary">{t("尚未上传", "Not uploaded yet")}</Typography.Text>
  );

  const content = tb.content;
  return (
    <Card
      size="small"
      data-testid="task-book"
      title={t("计划任务书", "Task book")}
      extra={
        <Tag color={taskBookStatusColors[tb.status]} data-testid="task-book-status">
          {taskBookStatusText(tb.status, lang)}
        </Tag>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <ErrorAlert error={confirm.error} />
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { whiteSpace: "nowrap", width: 160 } }}
          items={[
            {
              key: "pdf",
              label: t("任务书文本", "Task book"),
              children: (
                <Space wrap>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    href={taskBookPdfUrl(p.id)}
                    target="_blank"
                    data-testid="task-book-pdf"
                  >
                    {t("下载任务书（PDF）", "Download the task book (PDF)")}
                  </Button>
                  <Button
                    size="small"
                    icon={<FileWordOutlined />}
                    href={taskBookDocxUrl(p.id)}
                    download
                    data-testid="task-book-docx"
                  >
                    {t("下载任务书（Word）", "Download the task book (Word)")}
                  </Button>
                  <Typography.Text type="secondary">
                    {t(`拟定：${byAt(tb.drawn)}`, `Drawn up: ${byAt(tb.drawn)}`)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: "amount",
              label: t("财政资助", "Grant"),
              children: (
                <Space size={4} wrap>
                  {wan(content.amountFen, lang)}
                  {content.lumpSum && (
                    <>
                      <Tag>{t("包干制", "Lump sum")}</Tag>
                      <Citation source={content.lumpSum.source} />
                    </>
                  )}
                  {content.period &&
                    t(
                      `执行期 ${content.period.startDate} 至 ${content.period.endDate}`,
                      `Period ${content.period.startDate} to ${content.period.endDate}`,
                    )}
                </Space>
              ),
            },
            // 包干制试点 (LY-FUNDS §13(一)): what the PDF and Word copies state, stated here too
            ...(content.lumpSumPilot
              ? [
                  {
                    key: "lumpSumPilot",
                    label: t("经费包干制试点", "Lump-sum pilot"),
                    children: (
                      <Space size={4} wrap data-testid="task-book-lump-sum-pilot">
                        {t(
                          "本项目纳入经费“包干制”试点：由承担单位根据项目实施需要自主编制和调整经费预算，实行项目负责人签字报销制。",
                          "The project is in the lump-sum pilot: the unit sets and adjusts its own budget as the work needs, reimbursed on the PI's signature.",
                        )}
                        <Citation source={content.lumpSumPilot.source} />
                      </Space>
                    ),
                  },
                ]
              : []),
            {
              key: "unit",
              label: t("承担单位确认", "Unit's confirmation"),
              children: side("confirmUnit", tb.unitConfirmed, "task-book-unit"),
            },
            {
              key: "bureau",
              label: t("市科技局确认", "Bureau's confirmation"),
              children: side("confirmBureau", tb.bureauConfirmed, "task-book-bureau"),
            },
            { key: "scan", label: t("签章扫描件", "Signed scan"), children: scan },
          ]}
        />
        <TaskBookContent content={content} />
      </Space>
    </Card>
  );
}
