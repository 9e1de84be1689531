import { Button, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Inspection } from "../../api/supervision";
import { useLocale } from "../../app/locale";
import { formatDateTime } from "../../components/time";
import { useCurrentUser } from "../auth/session";
import {
  departmentNames,
  inspectionKindNames,
  inspectionResultColors,
  inspectionResultNames,
} from "./labels";

/** Who and when, on two lines so that the table keeps to the page. */
function Signed({ step }: { step: { byName: string; at: string } | null }) {
  if (!step) return null;
  return (
    <Space direction="vertical" size={0} style={{ whiteSpace: "nowrap" }}>
      <Typography.Text type="secondary">{step.byName}</Typography.Text>
      <Typography.Text type="secondary">{formatDateTime(step.at)}</Typography.Text>
    </Space>
  );
}

/**
 * Every inspection the caller may see, this cycle first: the project (linked to its page), the
 * unit, the kind and the department that inspects, and the result with its findings, shared by
 * both departments once recorded. The inspecting department's officer records the result.
 */
/** The sanction's reason started from the finding: the start of it, for the officer to complete. */
const sanctionSeed = (i: Inspection) => {
  // by code point, so that no surrogate pair is cut in half
  const points = [...(i.findings ?? "")];
  const cut = points.length > 1500 ? `${points.slice(0, 1500).join("")}……` : points.join("");
  return `${i.cycle} 年度${inspectionKindNames[i.kind].zh}发现的问题：${cut}`;
};

export function InspectionsTable({
  inspections,
  onRecordResult,
}: {
  inspections: readonly Inspection[];
  onRecordResult: (i: Inspection) => void;
}) {
  const { lang, t } = useLocale();
  // the S&T and the finance bureau raise 整改事项 from a finding, on the project's page
  const permissions = useCurrentUser().permissions;
  const mayRaise = permissions.includes("supervision.manage");
  // a finding may also lead to a measure (LY-FUNDS §25), taken on the project's page
  const maySanction = permissions.includes("sanction.impose");
  const rows = [...inspections].sort(
    (a, b) => b.cycle - a.cycle || a.projectNumber.localeCompare(b.projectNumber),
  );
  const actionColumn: TableColumnsType<Inspection> = [
    {
      title: t("操作", "Actions"),
      key: "actions",
      render: (_, i) =>
        i.actions.includes("recordResult") ? (
          <Button size="small" onClick={() => onRecordResult(i)} data-testid={`inspection-${i.id}-record`}>
            {t("登记结果", "Record the result")}
          </Button>
        ) : null,
    },
  ];
  const columns: TableColumnsType<Inspection> = [
    {
      title: t("项目", "Project"),
      key: "project",
      render: (_, i) => (
        <Space direction="vertical" size={0}>
          <Link to={`/projects/${i.projectId}`} data-testid={`inspection-${i.id}-project`}>
            <code>{i.projectNumber}</code>
          </Link>
          <Typography.Text>{i.projectTitle}</Typography.Text>
        </Space>
      ),
    },
    { title: t("承担单位", "Unit"), dataIndex: "unitName" },
    {
      title: t("检查", "Inspection"),
      key: "kind",
      render: (_, i) => (
        <Space direction="vertical" size={0} style={{ whiteSpace: "nowrap" }}>
          <span data-testid={`inspection-${i.id}-kind`}>{inspectionKindNames[i.kind][lang]}</span>
          <Typography.Text type="secondary">{departmentNames[i.department][lang]}</Typography.Text>
          <Typography.Text type="secondary">{t(`${i.cycle} 年度`, `${i.cycle}`)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t("登记", "Recorded"),
      key: "recorded",
      render: (_, i) => <Signed step={i.recorded} />,
    },
    {
      title: t("检查结果", "Result"),
      key: "result",
      render: (_, i) =>
        i.result ? (
          <Space direction="vertical" size={2}>
            <Tag color={inspectionResultColors[i.result]} data-testid={`inspection-${i.id}-result`}>
              {inspectionResultNames[i.result][lang]}
            </Tag>
            <Signed step={i.resulted} />
          </Space>
        ) : (
          <Tag data-testid={`inspection-${i.id}-result`}>{t("待登记结果", "Awaiting the result")}</Tag>
        ),
    },
    {
      title: t("发现的问题", "Findings"),
      dataIndex: "findings",
      width: 260,
      render: (f: string | null, i) => (
        <Space direction="vertical" size={2}>
          <span style={{ whiteSpace: "pre-wrap" }} data-testid={`inspection-${i.id}-findings`}>
            {f ?? "—"}
          </span>
          {mayRaise && i.result === "issuesFound" && (
            <Link
              to={`/projects/${i.projectId}?raise=${encodeURIComponent(`inspection:${i.id}`)}`}
              data-testid={`inspection-${i.id}-rectify`}
            >
              {t("提出整改", "Raise an item")}
            </Link>
          )}
          {maySanction && i.result === "issuesFound" && (
            <Link
              to={`/projects/${i.projectId}?sanction=${encodeURIComponent(sanctionSeed(i))}`}
              data-testid={`inspection-${i.id}-sanction`}
            >
              {t("采取处理措施", "Impose a sanction")}
            </Link>
          )}
        </Space>
      ),
    },
    // only where some row has something to do
    ...(rows.some((i) => i.actions.length > 0) ? actionColumn : []),
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 900 }}
      data-testid="inspections"
      locale={{ emptyText: t("尚无检查记录", "No inspection yet") }}
      onRow={(i) =>
        ({
          "data-testid": `inspection-row-${i.cycle}-${i.projectNumber}`,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
