import { Alert } from "antd";
import { ApiError } from "../../api/client";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useCurrentUser } from "../auth/session";
import { points } from "../reviews/labels";
import { useApplicationResult } from "./hooks";

/**
 * 立项结果 as the applicant sees it once the list is issued: the project number, or that it was not
 * approved with the review's aggregate (how many reviews, the mean, the place in the ranking) and
 * never an expert's name. Only the applicant's side asks; where there is no result (404) or it is not
 * theirs to see (403) the card is simply absent.
 */
export function ApplicationResultCard({ applicationId }: { applicationId: string }) {
  const me = useCurrentUser();
  const { t } = useLocale();
  const applicant = me.roles.includes("unitAdmin") || me.roles.includes("principalInvestigator");
  const result = useApplicationResult(applicationId, applicant);
  const r = result.data;

  if (result.error) {
    const quiet = result.error instanceof ApiError && [403, 404].includes(result.error.status);
    return quiet ? null : <ErrorAlert error={result.error} />;
  }
  if (!r || r.status === "pending") return null;
  if (r.status === "approved")
    return (
      <Alert
        type="success"
        showIcon
        data-testid="application-result"
        message={t("已立项", "Approved")}
        description={t(`项目编号：${r.projectNumber ?? "—"}`, `Project number: ${r.projectNumber ?? "—"}`)}
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      data-testid="application-result"
      message={t("未立项", "Not approved")}
      description={t(
        `专家评审意见 ${r.reviews} 份，平均分 ${points(r.mean)}，排名 ${r.rank ?? "—"} / ${r.of}。`,
        `${r.reviews} expert reviews, mean ${points(r.mean)}, ranked ${r.rank ?? "—"} of ${r.of}.`,
      )}
    />
  );
}
