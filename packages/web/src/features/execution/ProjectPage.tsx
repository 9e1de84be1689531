import { UserSwitchOutlined } from "@ant-design/icons";
import { projectStages } from "@luoshu/contract";
import { Button, Card, Col, Descriptions, Row, Skeleton, Space, Steps, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { PaymentNode, ProjectDetail } from "../../api/execution";
import { pickLang, useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { wan } from "../../components/money";
import { PageHeader } from "../../components/PageHeader";
import { useCurrentUser } from "../auth/session";
import { originColors, originNames } from "../decisions/labels";
import { ActionErrorAlert } from "../decisions/Problems";
import { usePolicy } from "../policies/hooks";
import { ChangesCard } from "../project-life/ChangesCard";
import { ProjectLifeCard } from "../project-life/ProjectLifeCard";
import { RectificationsCard } from "../supervision/RectificationsCard";
import { AcceptanceCard } from "../tracking/AcceptanceCard";
import { DiligenceSection } from "../tracking/DiligenceSection";
import { gradeNames } from "../tracking/labels";
import { SelfClosureCard } from "../tracking/SelfClosureCard";
import { SubsidyUseCard } from "../tracking/SubsidyUseCard";
import { TrackingCard } from "../tracking/TrackingCard";
import { AssignOfficerModal } from "./AssignOfficerModal";
import { useProject } from "./hooks";
import { stageNames, taskBookStatusText } from "./labels";
import { MoneySummary } from "./MoneySummary";
import { NodesTable } from "./NodesTable";
import { PayModal } from "./PayModal";
import { PaymentsTable } from "./PaymentsTable";
import { PrepareModal } from "./PrepareModal";
import { ProjectTimeline } from "./ProjectTimeline";
import { usePaymentSteps } from "./paymentSteps";
import { SignModal } from "./SignModal";
import { TaskBookCard } from "./TaskBookCard";

/** 立项 → 任务书 → 执行 → 结题, with what marks each step reached. */
function StageSteps({ project: p }: { project: ProjectDetail }) {
  const { lang, t } = useLocale();
  const current = projectStages.indexOf(p.stage);
  const note: Record<ProjectDetail["stage"], string | undefined> = {
    approved: t(`${p.approvedOn} 立项`, `Approved ${p.approvedOn}`),
    taskBook: p.taskBook ? taskBookStatusText(p.taskBook.status, lang) : undefined,
    executing: p.taskBook?.signed
      ? t(`${p.taskBook.signed.signedOn} 签订任务书`, `Task book signed ${p.taskBook.signed.signedOn}`)
      : undefined,
    closed:
      p.life.closedAs === "revoked"
        ? t("已撤销", "Revoked")
        : p.life.closedAs === "terminated"
          ? t("已终止", "Terminated")
          : p.grade === "fail"
            ? t("验收不通过", "Failed acceptance")
            : p.grade
              ? t(`验收通过（${gradeNames[p.grade].zh}）`, `Accepted (${gradeNames[p.grade].en})`)
              : p.stage === "closed"
                ? t("已自行组织结项", "Closed by its unit")
                : undefined,
  };
  return (
    <Steps
      size="small"
      data-testid="project-stage"
      current={current}
      status={p.stage === "closed" ? "finish" : "process"}
      items={projectStages.map((s) => ({ title: stageNames[s][lang], description: note[s] }))}
    />
  );
}

/**
 * 项目: one approved project from its approval to its close. Its facts and responsible officer, the
 * stage it is in, the task book with both confirmations and the signed scan, the payment nodes and
 * payments, the money in the ledger and everything that happened, in order. What the caller may do
 * comes with the project (`actions`, the task book's and each payment's).
 */
export function ProjectPage() {
  const { id = "" } = useParams();
  const me = useCurrentUser();
  const { lang, t } = useLocale();
  const query = useProject(id);
  const p = query.data;
  // only for the program's English name (the project carries its Chinese one)
  const policy = usePolicy(lang === "en" ? me.city?.code : undefined, p?.policyVersion);
  const steps = usePaymentSteps();
  const [assigning, setAssigning] = useState(false);
  const [signing, setSigning] = useState(false);
  const [preparing, setPreparing] = useState<PaymentNode | null>(null);

  if (query.isPending) return <Skeleton active />;
  if (!p) return <ErrorAlert error={query.error} />;

  const program = policy.data?.programs.find((x) => x.code === p.program);
  const officer = p.responsibleOfficer;

  return (
    <div data-testid="page-project">
      <PageHeader
        title={p.title}
        extra={
          <Tag
            color={p.life.closedAs ? "red" : p.stage === "closed" ? "green" : "blue"}
            data-testid="project-stage-tag"
          >
            {p.life.closedAs === "revoked"
              ? t("已撤销", "Revoked")
              : p.life.closedAs === "terminated"
                ? t("已终止", "Terminated")
                : stageNames[p.stage][lang]}
          </Tag>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            styles={{ label: { whiteSpace: "nowrap" } }}
            items={[
              {
                key: "number",
                label: t("项目编号", "Number"),
                children: <code data-testid="project-number">{p.number}</code>,
              },
              { key: "unit", label: t("承担单位", "Unit"), children: p.unitName },
              { key: "pi", label: t("项目负责人", "PI"), children: p.piName ?? "—" },
              {
                key: "program",
                label: t("计划类别", "Program"),
                children: program ? pickLang(lang, program.nameZh, program.nameEn) : p.programName,
              },
              { key: "year", label: t("年度", "Year"), children: p.year },
              {
                key: "amount",
                label: t("立项金额", "Amount"),
                children: <span data-testid="project-amount">{wan(p.amountFen, lang)}</span>,
              },
              { key: "approvedOn", label: t("立项日期", "Approved on"), children: p.approvedOn },
              {
                key: "origin",
                label: t("来源", "Origin"),
                children: <Tag color={originColors[p.origin]}>{originNames[p.origin][lang]}</Tag>,
              },
              { key: "policy", label: t("政策版本", "Policy version"), children: p.policyVersion },
              {
                key: "officer",
                label: t("责任人", "Responsible officer"),
                children: (
                  <Space size="small" wrap>
                    <span data-testid="project-officer">{officer?.name ?? t("未指定", "Not named")}</span>
                    {p.actions.includes("assignOfficer") && (
                      <Button
                        size="small"
                        icon={<UserSwitchOutlined />}
                        onClick={() => setAssigning(true)}
                        data-testid="project-officer-assign"
                      >
                        {officer ? t("更换", "Change") : t("指定", "Name")}
                      </Button>
                    )}
                  </Space>
                ),
              },
              ...(p.applicationId && me.permissions.includes("application.read")
                ? [
                    {
                      key: "application",
                      label: t("申报书", "Application"),
                      children: (
                        <Link to={`/applications/${p.applicationId}`} data-testid="project-application">
                          {t("查看申报书", "Open the application")}
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <div style={{ marginTop: 16 }}>
            <StageSteps project={p} />
          </div>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size="middle" style={{ width: "100%" }}>
              <TaskBookCard project={p} onSign={() => setSigning(true)} />
              <Card size="small" title={t("拨付节点", "Payment nodes")}>
                <NodesTable project={p} onPrepare={setPreparing} />
              </Card>
              <Card size="small" title={t("拨款记录", "Payments")}>
                <ActionErrorAlert error={steps.step.error} style={{ marginBottom: 12 }} />
                <PaymentsTable
                  payments={p.payments}
                  loading={query.isFetching}
                  withProject={false}
                  onEvent={(x, e) => void steps.run(x, e)}
                  pending={steps.pending}
                  testId="project-payments"
                  emptyText={t("尚无拨款", "No payment yet")}
                />
              </Card>
              {p.taskBook && <ChangesCard project={p} />}
              <ProjectLifeCard project={p} />
              {p.taskBook && <TrackingCard project={p} />}
              {p.taskBook && <RectificationsCard project={p} />}
              {p.taskBook && <AcceptanceCard project={p} />}
              {p.taskBook && <SubsidyUseCard project={p} />}
              {p.taskBook && <DiligenceSection project={p} />}
              {p.origin === "filing" && <SelfClosureCard project={p} />}
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space direction="vertical" size="middle" style={{ width: "100%" }}>
              <Card size="small" title={t("资金情况", "Money")}>
                <MoneySummary project={p} />
              </Card>
              <Card size="small" title={t("项目大事记", "Timeline")}>
                <ProjectTimeline entries={p.timeline} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("时间均为北京时间。", "Times are Beijing time.")}
                </Typography.Text>
              </Card>
            </Space>
          </Col>
        </Row>
      </Space>
      <AssignOfficerModal project={p} open={assigning} onClose={() => setAssigning(false)} />
      <SignModal project={p} open={signing} onClose={() => setSigning(false)} />
      <PrepareModal
        project={p}
        node={preparing}
        financeApproves={p.paymentApproval.financeApproves}
        onClose={() => setPreparing(null)}
      />
      <PayModal payment={steps.paying} onClose={steps.closePay} />
    </div>
  );
}
