import type { ComponentType } from "react";
import { createBrowserRouter } from "react-router-dom";
import { PageLoading } from "../components/PageLoading";
import { StatusPage } from "../components/StatusPage";
import { useLocale } from "./locale";
import { type PermissionNeed, RequirePermission } from "./RequirePermission";
import { RouteError } from "./RouteError";

function NotFound() {
  const { t } = useLocale();
  return <StatusPage status="404" message={t("页面不存在", "Page not found")} testId="page-not-found" />;
}

/**
 * A route whose page, and whatever only it uses, is fetched when the route is first opened: the login
 * page and the public board then load a fraction of the UI (the bundle is split by route). A build
 * replaced while a tab is open makes the old chunk names 404; RouteError then offers a reload.
 */
function page(load: () => Promise<ComponentType>, permission?: PermissionNeed) {
  return {
    lazy: async () => {
      const Page = await load();
      return {
        element: permission ? (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ) : (
          <Page />
        ),
      };
    },
  };
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // shown while the first page's chunks arrive
    hydrateFallbackElement: <PageLoading />,
    children: [
      { path: "/login", ...page(() => import("../features/auth/LoginPage").then((m) => m.LoginPage)) },
      // the public notice board: published guides and the need form, no login
      {
        path: "/public",
        ...page(() => import("../features/public/PublicGuidesPage").then((m) => m.PublicGuidesPage)),
      },
      {
        path: "/public/guides/:city/:id",
        ...page(() => import("../features/public/PublicGuidePage").then((m) => m.PublicGuidePage)),
      },
      // 随机抽查: every city's draws with what reproduces them, to draw again in the browser
      {
        path: "/public/spot-checks",
        ...page(() => import("../features/public/PublicSpotChecksPage").then((m) => m.PublicSpotChecksPage)),
      },
      // 立项公示: the lists in public notice, open to objections without login
      {
        path: "/notices",
        ...page(() => import("../features/public/PublicNoticesPage").then((m) => m.PublicNoticesPage)),
      },
      {
        ...page(() => import("./AppLayout").then((m) => m.AppLayout)),
        children: [
          {
            index: true,
            ...page(() => import("../features/workspace/WorkspacePage").then((m) => m.WorkspacePage)),
          },
          {
            path: "policies",
            ...page(() => import("../features/policies/PoliciesPage").then((m) => m.PoliciesPage)),
          },
          {
            path: "policies/:city/:version",
            ...page(() => import("../features/policies/PoliciesPage").then((m) => m.PoliciesPage)),
          },
          {
            path: "budget",
            ...page(() => import("../features/budget/BudgetPage").then((m) => m.BudgetPage)),
          },
          {
            path: "guides",
            ...page(() => import("../features/guides/GuidesPage").then((m) => m.GuidesPage), "guide.read"),
          },
          {
            path: "guides/new",
            ...page(
              () => import("../features/guides/GuideEditPage").then((m) => m.GuideEditPage),
              "guide.manage",
            ),
          },
          {
            path: "guides/:id",
            ...page(
              () => import("../features/guides/GuideDetailPage").then((m) => m.GuideDetailPage),
              "guide.read",
            ),
          },
          {
            path: "guides/:id/edit",
            ...page(
              () => import("../features/guides/GuideEditPage").then((m) => m.GuideEditPage),
              "guide.manage",
            ),
          },
          {
            path: "needs",
            ...page(() => import("../features/needs/NeedsPage").then((m) => m.NeedsPage), "need.read"),
          },
          {
            path: "applications",
            ...page(
              () => import("../features/applications/ApplicationsPage").then((m) => m.ApplicationsPage),
              "application.read",
            ),
          },
          {
            path: "applications/:id",
            ...page(
              () => import("../features/applications/ApplicationPage").then((m) => m.ApplicationPage),
              "application.read",
            ),
          },
          {
            path: "reviews",
            ...page(
              () => import("../features/reviews/ReviewsPage").then((m) => m.ReviewsPage),
              "review.read",
            ),
          },
          {
            path: "reviews/:id",
            ...page(
              () => import("../features/reviews/ReviewPlanPage").then((m) => m.ReviewPlanPage),
              "review.read",
            ),
          },
          {
            path: "my-reviews",
            ...page(
              () => import("../features/reviews/MyReviewsPage").then((m) => m.MyReviewsPage),
              "review.score",
            ),
          },
          {
            path: "my-reviews/:id",
            ...page(
              () => import("../features/reviews/ReviewWorkPage").then((m) => m.ReviewWorkPage),
              "review.score",
            ),
          },
          {
            path: "decisions",
            ...page(
              () => import("../features/decisions/DecisionsPage").then((m) => m.DecisionsPage),
              "decision.read",
            ),
          },
          {
            path: "decisions/:id",
            ...page(
              () => import("../features/decisions/ProposedListPage").then((m) => m.ProposedListPage),
              "decision.read",
            ),
          },
          {
            path: "directed-commissions",
            ...page(
              () =>
                import("../features/decisions/DirectedCommissionsPage").then(
                  (m) => m.DirectedCommissionsPage,
                ),
              "decision.read",
            ),
          },
          {
            path: "challenges",
            ...page(
              () => import("../features/challenges/ChallengesPage").then((m) => m.ChallengesPage),
              "guide.read",
            ),
          },
          {
            path: "joint-research",
            ...page(
              () => import("../features/joint/JointResearchPage").then((m) => m.JointResearchPage),
              "joint.read",
            ),
          },
          {
            path: "fund-pushes",
            ...page(
              () => import("../features/fund/FundPushesPage").then((m) => m.FundPushesPage),
              "fundPush.read",
            ),
          },
          {
            path: "supervision",
            ...page(
              () => import("../features/supervision/SupervisionPage").then((m) => m.SupervisionPage),
              "supervision.read",
            ),
          },
          {
            path: "progress-reports",
            ...page(
              () => import("../features/tracking/ProgressInboxPage").then((m) => m.ProgressInboxPage),
              "project.read",
            ),
          },
          {
            path: "rectifications",
            ...page(
              () =>
                import("../features/supervision/RectificationsInboxPage").then(
                  (m) => m.RectificationsInboxPage,
                ),
              "project.read",
            ),
          },
          {
            path: "assessments",
            ...page(
              () => import("../features/tracking/AssessmentsPage").then((m) => m.AssessmentsPage),
              "assessment.score",
            ),
          },
          {
            path: "project-closures",
            ...page(
              () => import("../features/project-life/ClosuresWaitingPage").then((m) => m.ClosuresWaitingPage),
              "projectLife.decide",
            ),
          },
          {
            path: "projects",
            ...page(
              () => import("../features/decisions/ProjectsPage").then((m) => m.ProjectsPage),
              "project.read",
            ),
          },
          {
            path: "projects/:id",
            ...page(
              () => import("../features/execution/ProjectPage").then((m) => m.ProjectPage),
              "project.read",
            ),
          },
          {
            path: "payments",
            ...page(
              () => import("../features/execution/PaymentsPage").then((m) => m.PaymentsPage),
              ["payment.prepare", "payment.approve"],
            ),
          },
          {
            path: "task-book-template",
            ...page(
              () => import("../features/execution/TaskBookTemplatePage").then((m) => m.TaskBookTemplatePage),
              "taskBook.manage",
            ),
          },
          {
            path: "budget/control-numbers",
            ...page(
              () => import("../features/decisions/ControlNumbersPage").then((m) => m.ControlNumbersPage),
              "budget.control",
            ),
          },
          {
            path: "budget/cycles",
            ...page(
              () => import("../features/budget-cycle/BudgetCyclesPage").then((m) => m.BudgetCyclesPage),
              "decision.read",
            ),
          },
          {
            path: "integrity",
            ...page(
              () => import("../features/integrity/IntegrityPage").then((m) => m.IntegrityPage),
              "integrity.read",
            ),
          },
          {
            path: "experts",
            ...page(
              () => import("../features/experts/ExpertsPage").then((m) => m.ExpertsPage),
              "expert.read",
            ),
          },
          {
            path: "my-expert",
            ...page(
              () => import("../features/experts/MyExpertPage").then((m) => m.MyExpertPage),
              "expert.profile",
            ),
          },
          {
            path: "units",
            ...page(() => import("../features/units/UnitsPage").then((m) => m.UnitsPage), "unit.read"),
          },
          {
            path: "users",
            ...page(() => import("../features/users/UsersPage").then((m) => m.UsersPage), "user.read"),
          },
          {
            path: "audit",
            ...page(() => import("../features/audit/AuditPage").then((m) => m.AuditPage), "audit.read"),
          },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
