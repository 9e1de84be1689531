import { citationOf } from "@luoshu/domain";
import { Alert, Button, Card, Space, Typography } from "antd";
import type { Application } from "../../api/applications";
import { ApiError } from "../../api/client";
import type { Guide } from "../../api/guides";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useCurrentUser } from "../auth/session";
import { usePolicy } from "../policies/hooks";
import { SourceBlock } from "../policies/SourceBlock";
import { useConfirmAct } from "./confirm";
import { useFileGuiding, useProjects } from "./hooks";

/**
 * 备案立项 (LY-REFORM §三(三)1, §三(四)1): a project of a filing program (the guiding projects) that
 * passed the formal check is filed by the program officer, without review and without money. The
 * card is there only for that officer and such an application; once filed it shows the number.
 */
export function FileGuidingCard({ application: a, guide }: { application: Application; guide?: Guide }) {
  const me = useCurrentUser();
  const { t } = useLocale();
  const confirmAct = useConfirmAct();
  const policy = usePolicy(a.cityCode, a.policyVersion);
  const program = policy.data?.programs.find((p) => p.code === guide?.program);
  const applies =
    program?.fundingMode === "filing" &&
    a.status === "formalPassed" &&
    me.permissions.includes("decision.manage");
  const projects = useProjects(applies && me.permissions.includes("project.read"));
  const file = useFileGuiding(a.id);
  if (!program || !applies) return null;

  const filingSource = program.selectionModes.find((m) => m.mode === "filing")?.source;
  const clause = filingSource ? citationOf(filingSource) : null;
  const project = file.data ?? projects.data?.items.find((p) => p.applicationId === a.id);
  const filedAlready = file.error instanceof ApiError && file.error.status === 409;

  const onFile = async () => {
    const ok = await confirmAct({
      title: t("备案立项？", "File the project?"),
      content: t(
        `${program.nameZh}仅备案立项，无财政资金支持，由项目实施单位自行组织结项${clause ? `（${clause}）` : ""}。备案后生成项目编号并通知申报单位，不可撤回。此操作记入审计日志。`,
        `A ${program.nameEn} is only filed: it gets no public money, and the unit runs and closes it itself${clause ? ` (${clause})` : ""}. Filing numbers the project and notifies the applicant; it cannot be undone. The action is audited.`,
      ),
      okText: t("备案立项", "File the project"),
      testId: "file-guiding-confirm",
    });
    if (ok) file.mutate(undefined, { onError: () => void projects.refetch() });
  };

  return (
    <Card size="small" title={t("备案立项", "Filing")} data-testid="file-guiding-card">
      <Space direction="vertical" style={{ width: "100%" }}>
        {project ? (
          <Alert
            type="success"
            showIcon
            message={t("已备案立项", "Filed")}
            description={
              <span>
                {t("项目编号：", "Project number: ")}
                <code data-testid="file-guiding-number">{project.number}</code>
              </span>
            }
          />
        ) : filedAlready ? (
          <Alert
            type="info"
            showIcon
            data-testid="file-guiding-filed"
            message={t("已备案", "Filed already")}
          />
        ) : (
          <>
            <Typography.Text>
              {t(
                `本项目属${program.nameZh}，形式审查已通过，不经专家评审，直接备案立项。`,
                `This is a ${program.nameEn} past the formal check: it is filed directly, without expert review.`,
              )}
            </Typography.Text>
            <SourceBlock source={filingSource} />
            <SourceBlock source={program.source} />
            <Button
              type="primary"
              onClick={() => void onFile()}
              loading={file.isPending}
              data-testid="file-guiding"
            >
              {t("备案立项", "File the project")}
            </Button>
            <ErrorAlert error={file.error} />
          </>
        )}
      </Space>
    </Card>
  );
}
