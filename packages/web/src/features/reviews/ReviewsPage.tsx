import { PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { Entrustment, ReviewableCall } from "../../api/reviews";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { EntrustmentModal } from "./EntrustmentModal";
import { useCreateReviewPlan, useEntrustments, useReviewableCalls } from "./hooks";
import { organiserNames, planStatusColors, planStatusText } from "./labels";

/**
 * 专家评审: the calls whose applications passed the formal check, each with its review plan or the
 * button that makes one; below, for the bureau, the entrustments of review to third-party agencies.
 */
export function ReviewsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const calls = useReviewableCalls();
  const create = useCreateReviewPlan();
  const canEntrust = me.permissions.includes("review.entrust");
  const entrustments = useEntrustments(canEntrust);
  const [entrusting, setEntrusting] = useState(false);
  const callItems = calls.data?.items ?? [];
  const callName = (id: string) => {
    const c = callItems.find((x) => x.callId === id);
    return c ? `${c.guideTitle} · ${c.callName}` : id;
  };

  const onCreate = (c: ReviewableCall) =>
    modal.confirm({
      title: t(`为“${c.callName}”建立评审方案？`, `Create the review plan for "${c.callName}"?`),
      content: t(
        `将为本批次通过形式审查的 ${c.passed} 份申报书建立评审方案，评审组、每份申报书的专家人数、专家负荷和评审截止时间先取政策默认值，可在方案页修改；建立后尚不分配专家、不通知任何人。`,
        `A plan is made for the ${c.passed} applications that passed the formal check. Panels, reviewers per application, loads and the deadline start at the policy's values and can be changed on the plan page; no expert is assigned or notified yet.`,
      ),
      okText: t("建立方案", "Create plan"),
      cancelText: t("取消", "Cancel"),
      autoFocusButton: "cancel",
      okButtonProps: { "data-testid": "review-plan-create-confirm" } as ButtonProps,
      // the dialog closes at once; the row's button shows the request, the alert above the table its error
      onOk: () =>
        create.mutate(c.callId, {
          onSuccess: (plan) => {
            message.success(t("评审方案已建立", "Review plan created"));
            navigate(`/reviews/${plan.id}`);
          },
        }),
    });

  const columns: TableColumnsType<ReviewableCall> = [
    { title: t("申报指南", "Guide"), dataIndex: "guideTitle" },
    { title: t("批次", "Call"), dataIndex: "callName" },
    {
      title: t("通过形式审查", "Passed the formal check"),
      dataIndex: "passed",
      align: "right",
      render: (n: number) => t(`${n} 份`, `${n}`),
    },
    {
      title: t("评审组织方", "Organiser"),
      dataIndex: "organiser",
      render: (o: ReviewableCall["organiser"]) => (o ? organiserNames[o][lang] : "—"),
    },
    {
      title: t("评审方案", "Plan"),
      key: "plan",
      render: (_, c) =>
        c.plan ? (
          <Tag color={planStatusColors[c.plan.status]} data-testid={`review-call-status-${c.callId}`}>
            {planStatusText(c.plan.status, lang)}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t("尚未建立", "None yet")}</Typography.Text>
        ),
    },
    {
      title: t("操作", "Action"),
      key: "action",
      render: (_, c) =>
        c.plan ? (
          <Link to={`/reviews/${c.plan.id}`} data-testid={`review-plan-link-${c.callId}`}>
            {t("查看方案", "Open plan")}
          </Link>
        ) : c.mayOrganise ? (
          <Button
            size="small"
            type="primary"
            onClick={() => onCreate(c)}
            loading={create.isPending && create.variables === c.callId}
            data-testid={`review-plan-create-${c.callId}`}
          >
            {t("建立评审方案", "Create plan")}
          </Button>
        ) : (
          <Typography.Text type="secondary" data-testid={`review-plan-not-mine-${c.callId}`}>
            {c.organiser === "entrustedAgency"
              ? t("由受托第三方机构建立", "Made by the entrusted agency")
              : t("由市科技局建立", "Made by the bureau")}
          </Typography.Text>
        ),
    },
  ];

  const entrustmentColumns: TableColumnsType<Entrustment> = [
    { title: t("受托机构", "Agency"), dataIndex: "agencyName" },
    {
      title: t("委托批次", "Calls"),
      dataIndex: "callIds",
      render: (ids: string[]) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {ids.map((id) => (
            <li key={id}>{callName(id)}</li>
          ))}
        </ul>
      ),
    },
    {
      title: t("委托期限", "Period"),
      key: "period",
      render: (_, e) => `${e.periodFrom} ~ ${e.periodUntil}`,
    },
    { title: t("委托事项", "Scope"), dataIndex: "scope", render: (s: string) => <span>{s}</span> },
    { title: t("登记时间", "Recorded"), dataIndex: "recordedAt", render: (v: string) => formatDateTime(v) },
  ];

  return (
    <div data-testid="page-reviews">
      <PageHeader title={t("专家评审", "Expert review")} />
      <ErrorAlert error={calls.error} style={{ marginBottom: 16 }} />
      <ErrorAlert error={create.error} style={{ marginBottom: 16 }} />
      <Table<ReviewableCall>
        rowKey="callId"
        data-testid="review-calls-table"
        columns={columns}
        dataSource={callItems}
        loading={calls.isFetching}
        scroll={{ x: "max-content" }}
        pagination={false}
        locale={{
          emptyText: t("暂无通过形式审查的批次", "No call has applications that passed the formal check"),
        }}
      />
      {canEntrust && (
        <Card
          size="small"
          style={{ marginTop: 24 }}
          title={t("委托第三方机构评审", "Review entrusted to agencies")}
          data-testid="entrustments"
          extra={
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setEntrusting(true)}
                data-testid="entrustment-create"
              >
                {t("登记委托", "Record entrustment")}
              </Button>
            </Space>
          }
        >
          <ErrorAlert error={entrustments.error} style={{ marginBottom: 16 }} />
          <Table<Entrustment>
            rowKey="id"
            size="small"
            data-testid="entrustments-table"
            columns={entrustmentColumns}
            dataSource={entrustments.data?.items}
            loading={entrustments.isFetching}
            scroll={{ x: "max-content" }}
            pagination={false}
          />
        </Card>
      )}
      <EntrustmentModal open={entrusting} calls={callItems} onClose={() => setEntrusting(false)} />
    </div>
  );
}
