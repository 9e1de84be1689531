import { createBrowserRouter } from "react-router-dom";
import { StatusPage } from "../components/StatusPage";
import { ApplicationPage } from "../features/applications/ApplicationPage";
import { ApplicationsPage } from "../features/applications/ApplicationsPage";
import { AuditPage } from "../features/audit/AuditPage";
import { LoginPage } from "../features/auth/LoginPage";
import { BudgetPage } from "../features/budget/BudgetPage";
import { GuideDetailPage } from "../features/guides/GuideDetailPage";
import { GuideEditPage } from "../features/guides/GuideEditPage";
import { GuidesPage } from "../features/guides/GuidesPage";
import { IntegrityPage } from "../features/integrity/IntegrityPage";
import { NeedsPage } from "../features/needs/NeedsPage";
import { PoliciesPage } from "../features/policies/PoliciesPage";
import { PublicGuidePage } from "../features/public/PublicGuidePage";
import { PublicGuidesPage } from "../features/public/PublicGuidesPage";
import { UnitsPage } from "../features/units/UnitsPage";
import { UsersPage } from "../features/users/UsersPage";
import { WorkspacePage } from "../features/workspace/WorkspacePage";
import { AppLayout } from "./AppLayout";
import { useLocale } from "./locale";
import { RequirePermission } from "./RequirePermission";
import { RouteError } from "./RouteError";

function NotFound() {
  const { t } = useLocale();
  return <StatusPage status="404" message={t("页面不存在", "Page not found")} testId="page-not-found" />;
}

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage />, errorElement: <RouteError /> },
  // the public notice board: published guides and the need form, no login
  { path: "/public", element: <PublicGuidesPage />, errorElement: <RouteError /> },
  { path: "/public/guides/:city/:id", element: <PublicGuidePage />, errorElement: <RouteError /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <WorkspacePage /> },
      { path: "policies", element: <PoliciesPage /> },
      { path: "policies/:city/:version", element: <PoliciesPage /> },
      { path: "budget", element: <BudgetPage /> },
      {
        path: "guides",
        element: (
          <RequirePermission permission="guide.read">
            <GuidesPage />
          </RequirePermission>
        ),
      },
      {
        path: "guides/new",
        element: (
          <RequirePermission permission="guide.manage">
            <GuideEditPage />
          </RequirePermission>
        ),
      },
      {
        path: "guides/:id",
        element: (
          <RequirePermission permission="guide.read">
            <GuideDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: "guides/:id/edit",
        element: (
          <RequirePermission permission="guide.manage">
            <GuideEditPage />
          </RequirePermission>
        ),
      },
      {
        path: "needs",
        element: (
          <RequirePermission permission="need.read">
            <NeedsPage />
          </RequirePermission>
        ),
      },
      {
        path: "applications",
        element: (
          <RequirePermission permission="application.read">
            <ApplicationsPage />
          </RequirePermission>
        ),
      },
      {
        path: "applications/:id",
        element: (
          <RequirePermission permission="application.read">
            <ApplicationPage />
          </RequirePermission>
        ),
      },
      {
        path: "integrity",
        element: (
          <RequirePermission permission="integrity.read">
            <IntegrityPage />
          </RequirePermission>
        ),
      },
      {
        path: "units",
        element: (
          <RequirePermission permission="unit.read">
            <UnitsPage />
          </RequirePermission>
        ),
      },
      {
        path: "users",
        element: (
          <RequirePermission permission="user.read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: "audit",
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
