import { Space, Table, type TableColumnsType, Tag } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import type { Project } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LabelledSwitch } from "../../components/LabelledSwitch";
import { wan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { useProjects } from "./hooks";
import { originColors, originNames } from "./labels";

/**
 * 立项项目: the projects issued in the caller's scope, each with its number, the policy it was approved
 * under, and how it came to be (a proposed list, a filing, a directed commission); each opens its
 * project page. The workspace's tiles open it filtered: `?mine=true` keeps those whose task book
 * waits for the caller, `?acceptance=waiting` those whose acceptance does (the bureau's panel or
 * conclusion, the district's opinion).
 */
export function ProjectsPage() {
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const [search, setSearch] = useSearchParams();
  const mine = search.get("mine") === "true";
  const acceptance = !mine && search.get("acceptance") === "waiting";
  const projects = useProjects(true, mine ? "taskBook" : acceptance ? "acceptance" : null);
  // the task book's parties: the bureau draws and confirms it, the unit confirms it
  const hasTaskBookWork = me.permissions.includes("taskBook.sign");
  // the acceptance's: the bureau convenes and concludes, the district gives its opinion
  const hasAcceptanceWork = me.roles.includes("programOfficer") || me.roles.includes("districtOfficer");
  const taskBookSwitch = hasTaskBookWork || mine;
  const acceptanceSwitch = hasAcceptanceWork || acceptance;

  const columns: TableColumnsType<Project> = [
    {
      title: t("项目编号", "Number"),
      dataIndex: "number",
      render: (n: string, p) => (
        <Link to={`/projects/${p.id}`} data-testid={`project-${p.id}-link`}>
          <code>{n}</code>
        </Link>
      ),
    },
    {
      title: t("项目名称", "Title"),
      dataIndex: "title",
      render: (title: string, p) => (
        <Link to={`/projects/${p.id}`} data-testid={`project-${p.id}-title`}>
          {title}
        </Link>
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
      <PageHeader
        title={t("立项项目", "Projects")}
        extra={
          (taskBookSwitch || acceptanceSwitch) && (
            <Space wrap>
              {taskBookSwitch && (
                <LabelledSwitch
                  label={t("任务书待我处理", "Task book waiting for me")}
                  checked={mine}
                  onChange={(v) => setSearch(v ? { mine: "true" } : {}, { replace: true })}
                  data-testid="projects-mine"
                />
              )}
              {acceptanceSwitch && (
                <LabelledSwitch
                  label={t("验收待我处理", "Acceptance waiting for me")}
                  checked={acceptance}
                  onChange={(v) => setSearch(v ? { acceptance: "waiting" } : {}, { replace: true })}
                  data-testid="projects-acceptance"
                />
              )}
            </Space>
          )
        }
      />
      <ErrorAlert error={projects.error} style={{ marginBottom: 16 }} />
      <Table<Project>
        rowKey="id"
        data-testid="projects-table"
        columns={columns}
        dataSource={projects.data?.items}
        loading={projects.isFetching}
        scroll={{ x: "max-content" }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: mine
            ? t("没有等待您处理任务书的项目", "No task book is waiting for you")
            : acceptance
              ? t("没有等待您处理验收的项目", "No acceptance is waiting for you")
              : t("暂无已立项项目", "No project yet"),
        }}
      />
    </div>
  );
}
