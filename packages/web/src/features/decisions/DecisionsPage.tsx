import { App, Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { DecisionCall } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { useConfirmAct } from "./confirm";
import { useCreateProposedList, useDecisionCalls } from "./hooks";
import { listStatusColors, listStatusText, roleText } from "./labels";

/**
 * 立项决策: the calls whose expert review is completed, each with its proposed list or (for the
 * program officer) the button that draws one from the ranking. The leader and finance can narrow
 * the table to the lists waiting for them.
 */
export function DecisionsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const confirmAct = useConfirmAct();
  const calls = useDecisionCalls();
  const create = useCreateProposedList();
  const mayDraw = me.permissions.includes("decision.manage");
  const mayFilter = me.permissions.includes("decision.read");
  // the workspace tile opens the page filtered to the lists waiting for the caller
  const [search] = useSearchParams();
  const [mine, setMine] = useState(search.get("mine") === "true");
  const rows = (calls.data ?? []).filter(
    (c) => !mine || (c.list?.waitingFor != null && me.roles.includes(c.list.waitingFor)),
  );

  const onCreate = async (c: DecisionCall) => {
    const ok = await confirmAct({
      title: t(`为“${c.callName}”拟订立项名单？`, `Draw the proposed list for "${c.callName}"?`),
      content: t(
        "将按该批次的评审排名列出全部项目，所有项目初始均为“不立项”，由您逐项决定拟立项、候补或不立项；名单在提交局领导审批前不通知任何人。",
        'Every application of the call is listed in ranking order, each starting "not selected"; you decide which are selected, reserve or not selected. Nobody is told before the list is submitted for approval.',
      ),
      okText: t("拟订名单", "Draw the list"),
      testId: "decision-list-create-confirm",
    });
    // the dialog closes at once; the row's button shows the request, the alert above the table its error
    if (ok)
      create.mutate(c.callId, {
        onSuccess: (list) => {
          message.success(t("拟立项名单已建立", "Proposed list drawn"));
          navigate(`/decisions/${list.id}`);
        },
      });
  };

  const columns: TableColumnsType<DecisionCall> = [
    { title: t("申报指南", "Guide"), dataIndex: "guideTitle" },
    { title: t("批次", "Call"), dataIndex: "callName" },
    { title: t("计划类别", "Program"), dataIndex: "programName" },
    { title: t("年度", "Year"), dataIndex: "year" },
    {
      title: t("名单状态", "List status"),
      key: "status",
      render: (_, c) =>
        c.list ? (
          <Tag color={listStatusColors[c.list.status]} data-testid={`decision-call-status-${c.callId}`}>
            {listStatusText(c.list.status, lang)}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t("尚未拟订", "Not drawn yet")}</Typography.Text>
        ),
    },
    {
      title: t("待办理", "Waiting for"),
      key: "waitingFor",
      render: (_, c) => {
        const role = c.list?.waitingFor ?? null;
        if (!role) return "—";
        return me.roles.includes(role) ? (
          <Tag color="orange" data-testid={`decision-call-mine-${c.callId}`}>
            {roleText(role, lang)}
          </Tag>
        ) : (
          roleText(role, lang)
        );
      },
    },
    {
      title: t("操作", "Action"),
      key: "action",
      render: (_, c) =>
        c.list ? (
          <Link to={`/decisions/${c.list.id}`} data-testid={`decision-list-link-${c.callId}`}>
            {t("查看", "Open")}
          </Link>
        ) : mayDraw ? (
          <Button
            size="small"
            type="primary"
            onClick={() => void onCreate(c)}
            loading={create.isPending && create.variables === c.callId}
            data-testid={`decision-list-create-${c.callId}`}
          >
            {t("拟订立项名单", "Draw the list")}
          </Button>
        ) : (
          <Typography.Text type="secondary">
            {t("待项目主管拟订", "Drawn by the program officer")}
          </Typography.Text>
        ),
    },
  ];

  return (
    <div data-testid="page-decisions">
      <PageHeader
        title={t("立项决策", "Funding decisions")}
        extra={
          <Space>
            {mayFilter && (
              <LabelledSwitch
                label={t("待我处理", "Waiting for me")}
                checked={mine}
                onChange={setMine}
                data-testid="decisions-mine"
              />
            )}
          </Space>
        }
      />
      <ErrorAlert error={calls.error} style={{ marginBottom: 16 }} />
      <ErrorAlert error={create.error} style={{ marginBottom: 16 }} />
      <Table<DecisionCall>
        rowKey="callId"
        data-testid="decision-calls-table"
        columns={columns}
        dataSource={rows}
        loading={calls.isFetching}
        scroll={{ x: "max-content" }}
        pagination={false}
        locale={{
          emptyText: mine
            ? t("没有等待您处理的名单", "No list is waiting for you")
            : t("暂无已完成专家评审的批次", "No call has completed its expert review"),
        }}
      />
    </div>
  );
}
