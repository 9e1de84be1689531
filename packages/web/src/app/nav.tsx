import {
  AccountBookOutlined,
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BulbOutlined,
  CalculatorOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  EditOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  IdcardOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import type { Policy } from "@luoshu/domain";
import type { ReactNode } from "react";
import type { PermissionNeed } from "./RequirePermission";

export interface NavItem {
  key: string;
  path: string;
  zh: string;
  en: string;
  icon: ReactNode;
  /** Absent: every signed-in user sees it; several: any one of them. */
  permission?: PermissionNeed;
  /** Absent: shown whatever the city's policy; else only where the user's city policy has it. */
  policy?: (policy: Policy) => boolean;
}

export const navItems: readonly NavItem[] = [
  { key: "workspace", path: "/", zh: "工作台", en: "Workspace", icon: <DashboardOutlined /> },
  {
    key: "guides",
    path: "/guides",
    zh: "申报指南",
    en: "Guides",
    icon: <NotificationOutlined />,
    permission: "guide.read",
  },
  {
    key: "needs",
    path: "/needs",
    zh: "需求征集",
    en: "Needs collection",
    icon: <BulbOutlined />,
    permission: "need.read",
  },
  {
    key: "applications",
    path: "/applications",
    zh: "申报书",
    en: "Applications",
    icon: <FileTextOutlined />,
    permission: "application.read",
  },
  {
    key: "reviews",
    path: "/reviews",
    zh: "专家评审",
    en: "Expert review",
    icon: <CarryOutOutlined />,
    permission: "review.read",
  },
  {
    key: "my-reviews",
    path: "/my-reviews",
    zh: "我的评审",
    en: "My reviews",
    icon: <EditOutlined />,
    permission: "review.score",
  },
  {
    key: "decisions",
    path: "/decisions",
    zh: "立项决策",
    en: "Funding decisions",
    icon: <FileDoneOutlined />,
    permission: "decision.read",
  },
  {
    key: "directed-commissions",
    path: "/directed-commissions",
    zh: "定向委托",
    en: "Directed commissions",
    icon: <AimOutlined />,
    permission: "decision.read",
    policy: (p) => Boolean(p.decision.directedCommission),
  },
  {
    key: "challenges",
    path: "/challenges",
    zh: "揭榜挂帅",
    en: "Open challenges",
    icon: <TrophyOutlined />,
    permission: "guide.read",
    policy: (p) => p.programs.some((x) => x.selectionModes.some((m) => m.mode === "openChallenge")),
  },
  {
    key: "joint-research",
    path: "/joint-research",
    zh: "联合科研",
    en: "Joint research",
    icon: <ExperimentOutlined />,
    permission: "joint.read",
    policy: (p) => Boolean(p.decision.jointResearch),
  },
  {
    key: "fund-pushes",
    path: "/fund-pushes",
    zh: "基金推送",
    en: "Fund push",
    icon: <FundOutlined />,
    permission: "fundPush.read",
    policy: (p) => p.programs.some((x) => x.fundingMode === "fundPush"),
  },
  {
    key: "projects",
    path: "/projects",
    zh: "立项项目",
    en: "Projects",
    icon: <ProjectOutlined />,
    permission: "project.read",
  },
  {
    key: "progress-reports",
    path: "/progress-reports",
    zh: "进展报告",
    en: "Progress reports",
    icon: <FieldTimeOutlined />,
    // the unit and the PI file, the bureau reviews, the district follows the overdue ones
    permission: ["progress.report", "progress.review", "application.districtReview"],
  },
  {
    key: "rectifications",
    path: "/rectifications",
    zh: "整改事项",
    en: "Rectification items",
    icon: <AuditOutlined />,
    // the unit and the PI correct, the S&T and the finance bureau verify, the district follows
    permission: ["progress.report", "supervision.manage", "application.districtReview"],
  },
  {
    key: "assessments",
    path: "/assessments",
    zh: "评估与验收",
    en: "Assessments and acceptance",
    icon: <FormOutlined />,
    // mid-term panels (Luoyang) and acceptance panels (both cities)
    permission: "assessment.score",
  },
  {
    key: "supervision",
    path: "/supervision",
    zh: "随机抽查",
    en: "Spot checks",
    icon: <SearchOutlined />,
    permission: "supervision.read",
    policy: (p) => Boolean(p.supervision),
  },
  {
    key: "payments",
    path: "/payments",
    zh: "拨款管理",
    en: "Payments",
    icon: <MoneyCollectOutlined />,
    permission: ["payment.prepare", "payment.approve"],
  },
  {
    key: "task-book-template",
    path: "/task-book-template",
    zh: "任务书模板",
    en: "Task book terms",
    icon: <FileTextOutlined />,
    permission: "taskBook.manage",
  },
  {
    key: "control-numbers",
    path: "/budget/control-numbers",
    zh: "预算控制数",
    en: "Budget control numbers",
    icon: <AccountBookOutlined />,
    permission: "budget.control",
  },
  {
    key: "budget-cycles",
    path: "/budget/cycles",
    zh: "预算两上两下",
    en: "Budget cycle",
    icon: <ScheduleOutlined />,
    permission: "decision.read",
    policy: (p) => Boolean(p.budgetCycle),
  },
  {
    key: "integrity",
    path: "/integrity",
    zh: "诚信记录",
    en: "Integrity records",
    icon: <SafetyCertificateOutlined />,
    permission: "integrity.read",
  },
  {
    key: "experts",
    path: "/experts",
    zh: "专家库",
    en: "Expert pool",
    icon: <SolutionOutlined />,
    permission: "expert.read",
  },
  {
    key: "my-expert",
    path: "/my-expert",
    zh: "我的专家信息",
    en: "My expert profile",
    icon: <IdcardOutlined />,
    permission: "expert.profile",
  },
  { key: "policies", path: "/policies", zh: "政策规则", en: "Policies", icon: <ReadOutlined /> },
  { key: "budget", path: "/budget", zh: "预算测算", en: "Budget calculator", icon: <CalculatorOutlined /> },
  {
    key: "units",
    path: "/units",
    zh: "单位管理",
    en: "Units",
    icon: <BankOutlined />,
    permission: "unit.read",
  },
  {
    key: "users",
    path: "/users",
    zh: "用户管理",
    en: "Users",
    icon: <TeamOutlined />,
    permission: "user.read",
  },
  {
    key: "audit",
    path: "/audit",
    zh: "审计日志",
    en: "Audit log",
    icon: <AuditOutlined />,
    permission: "audit.read",
  },
];

export function navKeyOf(pathname: string): string {
  // the longest path that matches: /budget/control-numbers is its own item, not the calculator's
  const match = navItems
    .filter((n) => n.path !== "/" && (pathname === n.path || pathname.startsWith(`${n.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? "workspace";
}
