import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import type { DirectedCommission } from "../../api/decisions";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime, formatNoticeEnd } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import { SourceBlock } from "../policies/SourceBlock";
import { Citation } from "../reviews/HorseRaceModal";
import { CommissionActions, useCommissionSteps } from "./CommissionActions";
import { CommissionFormModal } from "./CommissionFormModal";
import { commissionRule, noticeWorkingDays, useCityPolicy } from "./commissionPolicy";
import { useDirectedCommissions } from "./hooks";
import { commissionStatusColors, commissionStatusText } from "./labels";
import { ActionErrorAlert } from "./Problems";

/**
 * 定向委托 (DT-RULES §14): projects given to a named unit without competition, only for the reasons
 * the city's policy lists, and only after their reasons and decision basis have been public for the
 * notice period. The officer drafts, publishes or cancels; the bureau leader approves.
 */
export function DirectedCommissionsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const policy = useCityPolicy();
  const rule = commissionRule(policy.data);
  const commissions = useDirectedCommissions();
  const { run, step } = useCommissionSteps(noticeWorkingDays(policy.data));
  const [creating, setCreating] = useState(false);
  const canCreate = me.permissions.includes("decision.manage") && rule !== null;

  // the DTO names programs and reasons in Chinese; English takes them from the policy
  const programName = (c: DirectedCommission) => {
    const p = policy.data?.programs.find((x) => x.code === c.program);
    return p ? pickLang(lang, p.nameZh, p.nameEn) : c.programName;
  };
  const reasonName = (c: DirectedCommission) => {
    const r = rule?.reasons.find((x) => x.code === c.reason);
    return r ? pickLang(lang, r.nameZh, r.nameEn) : c.reasonZh;
  };

  const columns: TableColumnsType<DirectedCommission> = [
    { title: t("项目名称", "Title"), dataIndex: "title" },
    { title: t("承担单位", "Unit"), dataIndex: "unitName" },
    { title: t("计划类别", "Program"), key: "program", render: (_, c) => programName(c) },
    {
      title: t("定向理由", "Reason"),
      key: "reason",
      render: (_, c) => (
        <Space size={4} wrap>
          {reasonName(c)}
          <Citation source={c.source} />
        </Space>
      ),
    },
    {
      title: t("金额", "Amount"),
      dataIndex: "amountFen",
      align: "right",
      render: (f: number) => wan(f, lang),
    },
    {
      title: t("状态", "Status"),
      dataIndex: "status",
      render: (s: DirectedCommission["status"], c) => (
        <Tag color={commissionStatusColors[s]} data-testid={`commission-${c.id}-status`}>
          {commissionStatusText(s, lang)}
        </Tag>
      ),
    },
    {
      title: t("公示截止", "Notice ends"),
      dataIndex: "noticeEndsAt",
      render: (v: string | null) => formatNoticeEnd(v),
    },
    {
      title: t("项目编号", "Project number"),
      dataIndex: "projectNumber",
      render: (n: string | null, c) => (n ? <code data-testid={`commission-${c.id}-number`}>{n}</code> : "—"),
    },
    {
      title: t("办理", "Actions"),
      key: "actions",
      fixed: "right",
      render: (_, c) => (
        <CommissionActions
          commission={c}
          onEvent={(e) => void run(c, e)}
          pending={step.isPending && step.variables?.id === c.id ? step.variables.event : null}
        />
      ),
    },
  ];

  return (
    <div data-testid="page-directed-commissions">
      <PageHeader
        title={t("定向委托", "Directed commissions")}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="commission-create"
            >
              {t("新建定向委托", "New directed commission")}
            </Button>
          )
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {policy.data && !rule && (
          <Alert
            type="info"
            showIcon
            data-testid="commission-not-applicable"
            message={t("本市政策未规定定向委托方式。", "Your city's policy has no directed commission.")}
          />
        )}
        {rule && (
          <Alert
            type="info"
            showIcon
            message={t(
              `定向委托仅适用于${rule.reasons.map((r) => r.nameZh).join("、")}等特殊情形；定向理由及决策依据须公示 ${noticeWorkingDays(policy.data) ?? "—"} 个工作日，公示期满后由局领导批准立项。`,
              `Only for: ${rule.reasons.map((r) => r.nameEn).join("; ")}. The reasons and decision basis are public for ${noticeWorkingDays(policy.data) ?? "—"} working days before the bureau leader may approve.`,
            )}
            description={<SourceBlock source={rule.source} />}
          />
        )}
        <ErrorAlert error={commissions.error} />
        <ActionErrorAlert error={step.error} />
        <Table<DirectedCommission>
          rowKey="id"
          data-testid="commissions-table"
          columns={columns}
          dataSource={commissions.data?.items}
          loading={commissions.isFetching}
          scroll={{ x: "max-content" }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (c) => (
              <div data-testid={`commission-${c.id}-basis`}>
                <Typography.Text strong>{t("决策依据：", "Decision basis: ")}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>
                  {c.basis}
                </Typography.Paragraph>
                {c.noticeStartedAt && (
                  <Typography.Text type="secondary">
                    {t("公示期", "Notice period")} {formatDateTime(c.noticeStartedAt)} ~{" "}
                    {formatNoticeEnd(c.noticeEndsAt)}
                  </Typography.Text>
                )}
              </div>
            ),
          }}
          locale={{ emptyText: t("暂无定向委托", "No directed commission yet") }}
        />
      </Space>
      <CommissionFormModal open={creating} policy={policy.data} onClose={() => setCreating(false)} />
    </div>
  );
}
