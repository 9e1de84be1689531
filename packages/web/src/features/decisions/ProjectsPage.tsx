import { Table, type TableColumnsType, Tag } from "antd";
import { Link } from "react-router-dom";
import type { Project } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { useProjects } from "./hooks";
import { originColors, originNames } from "./labels";

/**
 * 立项项目: the projects issued in the caller's scope, each with its number, the policy it was approved
 * under, and how it came to be (a proposed list, a filing, a directed commission).
 */
export function ProjectsPage() {
  const { lang, t } = useLocale();
  const projects = useProjects();

  const columns: TableColumnsType<Project> = [
    { title: t("项目编号", "Number"), dataIndex: "number", render: (n: string) => <code>{n}</code> },
    {
      title: t("项目名称", "Title"),
      dataIndex: "title",
      // a directed commission has no application behind it
      render: (title: string, p) =>
        p.applicationId ? (
          <Link to={`/applications/${p.applicationId}`} data-testid={`project-${p.id}-application`}>
            {title}
          </Link>
        ) : (
          title
        ),
    },
    {
      title: t("来源", "Origin"),
      dataIndex: "origin",
      render: (o: Project["origin"], p) => (
        <Tag color={originColors[o]} data-testid={`project-${p.id}-origin`}>
          {originNames[o][lang]}
        </Tag>
      ),
    },
    { title: t("承担单位", "Unit"), dataIndex: "unitName" },
    { title: t("计划类别", "Program"), dataIndex: "programName" },
    { title: t("年度", "Year"), dataIndex: "year" },
    {
      title: t("立项金额", "Amount"),
      dataIndex: "amountFen",
      align: "right",
      render: (f: number) => wan(f, lang),
    },
    { title: t("立项日期", "Approved on"), dataIndex: "approvedOn" },
    { title: t("政策版本", "Policy version"), dataIndex: "policyVersion" },
  ];

  return (
    <div data-testid="page-projects">
      <PageHeader title={t("立项项目", "Projects")} />
      <ErrorAlert error={projects.error} style={{ marginBottom: 16 }} />
      <Table<Project>
        rowKey="id"
        data-testid="projects-table"
        columns={columns}
        dataSource={projects.data?.items}
        loading={projects.isFetching}
        scroll={{ x: "max-content" }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t("暂无已立项项目", "No project yet") }}
      />
    </div>
  );
}
