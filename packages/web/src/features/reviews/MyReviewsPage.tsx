import { CheckCircleFilled } from "@ant-design/icons";
import { declineReasonNames } from "@luoshu/domain";
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Empty,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { MyReviewAssignment, MyReviewPlan } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { type Answering, ConflictModal, DeclineModal } from "./AnswerModals";
import { GuardedButton } from "./GuardedButton";
import { useAcceptAssignment, useMyReviews, useSignCommitment } from "./hooks";
import { assignmentStatusColors, assignmentStatusText } from "./labels";

/**
 * 我的评审: the expert's invitations per call. The call's integrity commitment is signed first; then
 * each invitation is accepted (declaring no conflict of interest, which opens the application),
 * declined with a reason, or answered with a declared conflict. Accepted work opens on its own page.
 */
export function MyReviewsPage() {
  const { t } = useLocale();
  const reviews = useMyReviews();
  const [declining, setDeclining] = useState<Answering | null>(null);
  const [conflicting, setConflicting] = useState<Answering | null>(null);

  return (
    <div data-testid="page-my-reviews">
      <PageHeader title={t("我的评审", "My reviews")} />
      <ErrorAlert error={reviews.error} style={{ marginBottom: 16 }} />
      {reviews.isPending && <Skeleton active />}
      {reviews.data?.items.length === 0 && (
        <Empty description={t("暂无评审邀请", "No review invitations")} data-testid="my-reviews-empty" />
      )}
      <Space direction="vertical" size="large" style={{ width: "100%" }}>
        {reviews.data?.items.map((p) => (
          <PlanCard
            key={p.planId}
            plan={p}
            onDecline={(a) => setDeclining({ assignment: a, plan: p })}
            onConflict={(a) => setConflicting({ assignment: a, plan: p })}
          />
        ))}
      </Space>
      <DeclineModal answering={declining} onClose={() => setDeclining(null)} />
      <ConflictModal answering={conflicting} onClose={() => setConflicting(null)} />
    </div>
  );
}

function PlanCard({
  plan: p,
  onDecline,
  onConflict,
}: {
  plan: MyReviewPlan;
  onDecline: (a: MyReviewAssignment) => void;
  onConflict: (a: MyReviewAssignment) => void;
}) {
  const { lang, t } = useLocale();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const sign = useSignCommitment();
  const accept = useAcceptAssignment();
  const signed = p.commitmentSignedAt !== null;
  const overdue = new Date(p.scoringDeadline).getTime() < Date.now();
  const unsigned = signed
    ? null
    : t("请先签署本批次的评审诚信承诺。", "Sign the call's integrity commitment first.");
  const answerBlocked = unsigned ?? (overdue ? t("评审截止时间已过。", "The deadline has passed.") : null);

  const onSign = () =>
    modal.confirm({
      title: t("签署评审诚信承诺？", "Sign the integrity commitment?"),
      content: t(
        "签署即表示您已阅读并承诺遵守上述评审诚信承诺，签署时间记入审计日志，不能撤销。",
        "By signing you confirm you have read the commitment above and will keep it; the time is audited and cannot be undone.",
      ),
      okText: t("签署", "Sign"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": `commitment-sign-confirm-${p.planId}` } as ButtonProps,
      // the dialog closes at once; the button shows the request, the alert in the card its error
      onOk: () =>
        sign.mutate(p.planId, {
          onSuccess: () => message.success(t("已签署评审诚信承诺", "Commitment signed")),
        }),
    });

  const onAccept = (a: MyReviewAssignment) =>
    modal.confirm({
      title: t(`接受“${a.title}”的评审邀请？`, `Accept the review of "${a.title}"?`),
      content: t(
        `本人声明：与申报单位${a.unitName}${a.partnerNames.length > 0 ? `、合作单位${a.partnerNames.join("、")}` : ""}及项目组成员（${a.teamNames.join("、") || "—"}）不存在利益关系，无须回避。声明记入审计日志；确认后打开申报书开始评审。`,
        `I declare no conflict of interest with the applicant ${a.unitName}${a.partnerNames.length > 0 ? `, the partners ${a.partnerNames.join(", ")}` : ""} or the team (${a.teamNames.join(", ") || "—"}). The declaration is audited; the application then opens for review.`,
      ),
      okText: t("确认声明并开始评审", "Declare and start"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": `assignment-accept-confirm-${a.id}` } as ButtonProps,
      onOk: () => accept.mutate(a.id, { onSuccess: (work) => navigate(`/my-reviews/${work.id}`) }),
    });

  const columns: TableColumnsType<MyReviewAssignment> = [
    { title: t("申报编号", "Number"), dataIndex: "number", render: (n: string) => <code>{n}</code> },
    { title: t("项目名称", "Title"), dataIndex: "title" },
    { title: t("申报单位", "Unit"), dataIndex: "unitName" },
    {
      title: t("合作单位", "Partners"),
      dataIndex: "partnerNames",
      render: (names: string[]) => names.join("、") || "—",
    },
    {
      title: t("项目组成员", "Team"),
      dataIndex: "teamNames",
      render: (names: string[]) => names.join("、") || "—",
    },
    {
      title: t("状态", "Status"),
      key: "status",
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Tag color={assignmentStatusColors[a.status]} data-testid={`my-assignment-status-${a.id}`}>
            {assignmentStatusText(a.status, lang)}
          </Tag>
          {a.declineReason && (
            <Typography.Text type="secondary">{declineReasonNames[a.declineReason][lang]}</Typography.Text>
          )}
          {a.submittedAt && (
            <Typography.Text type="secondary">{formatDateTime(a.submittedAt)}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("操作", "Actions"),
      key: "actions",
      render: (_, a) => {
        if (a.status === "invited")
          return (
            <Space wrap>
              <GuardedButton
                type="primary"
                size="small"
                blockedReason={answerBlocked}
                loading={accept.isPending && accept.variables === a.id}
                onClick={() => onAccept(a)}
                testId={`assignment-accept-${a.id}`}
              >
                {t("无利益关系，开始评审", "No conflict: start")}
              </GuardedButton>
              <GuardedButton
                size="small"
                blockedReason={answerBlocked}
                onClick={() => onConflict(a)}
                testId={`assignment-conflict-${a.id}`}
              >
                {t("申报回避", "Declare a conflict")}
              </GuardedButton>
              <GuardedButton
                size="small"
                blockedReason={answerBlocked}
                onClick={() => onDecline(a)}
                testId={`assignment-decline-${a.id}`}
              >
                {t("谢绝", "Decline")}
              </GuardedButton>
            </Space>
          );
        if (a.status === "accepted" || a.status === "submitted")
          return (
            <Link to={`/my-reviews/${a.id}`} data-testid={`assignment-open-${a.id}`}>
              {a.status === "accepted" ? t("进入评审", "Review") : t("查看评审意见", "View my review")}
            </Link>
          );
        return null;
      },
    },
  ];

  const invited = p.assignments.filter((a) => a.status === "invited").length;

  return (
    <Card
      size="small"
      data-testid={`my-review-plan-${p.planId}`}
      title={
        <Space wrap>
          <span>{p.callName}</span>
          <Typography.Text type="secondary">{p.guideTitle}</Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <span>
            {t("评审截止：", "Due: ")}
            {formatDateTime(p.scoringDeadline)}
          </span>
          {overdue && <Tag color="red">{t("已截止", "Closed")}</Tag>}
        </Space>
      }
    >
      <ErrorAlert error={sign.error} style={{ marginBottom: 12 }} />
      <ErrorAlert error={accept.error} style={{ marginBottom: 12 }} />
      {signed ? (
        <Typography.Paragraph data-testid={`commitment-signed-${p.planId}`}>
          <Tag color="green" icon={<CheckCircleFilled />}>
            {t(
              `已签署评审诚信承诺 ${formatDateTime(p.commitmentSignedAt)}`,
              `Commitment signed ${formatDateTime(p.commitmentSignedAt)}`,
            )}
          </Tag>
        </Typography.Paragraph>
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid={`commitment-${p.planId}`}
          message={t(
            `评审诚信承诺（签署后方可查看和评审本批次的 ${invited} 份邀请）`,
            `Integrity commitment (sign it to open this call's ${invited} invitations)`,
          )}
          description={
            <Space direction="vertical" style={{ width: "100%" }}>
              <div lang="zh-CN" style={{ whiteSpace: "pre-wrap" }}>
                {p.commitmentText}
              </div>
              <Button
                type="primary"
                onClick={onSign}
                loading={sign.isPending}
                data-testid={`commitment-sign-${p.planId}`}
              >
                {t("签署承诺", "Sign")}
              </Button>
            </Space>
          }
        />
      )}
      {answerBlocked && invited > 0 && (
        <Typography.Paragraph type="secondary" data-testid={`my-review-blocked-${p.planId}`}>
          {answerBlocked}
        </Typography.Paragraph>
      )}
      <Table<MyReviewAssignment>
        rowKey="id"
        size="small"
        data-testid={`my-assignments-${p.planId}`}
        columns={columns}
        dataSource={p.assignments}
        pagination={false}
        scroll={{ x: "max-content" }}
        onRow={(a) => ({ "data-testid": `my-assignment-${a.id}` }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
