import { createBrowserRouter } from "react-router-dom";
import { StatusPage } from "../components/StatusPage";
import { AuditPage } from "../features/audit/AuditPage";
import { LoginPage } from "../features/auth/LoginPage";
import { BudgetPage } from "../features/budget/BudgetPage";
import { PoliciesPage } from "../features/policies/PoliciesPage";
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
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <WorkspacePage /> },
      { path: "policies", element: <PoliciesPage /> },
      { path: "policies/:city/:version", element: <PoliciesPage /> },
      { path: "budget", element: <BudgetPage /> },
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
