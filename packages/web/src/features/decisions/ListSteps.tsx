import { Alert, Card, Space, Steps, Typography } from "antd";
import type { ReactNode } from "react";
import type { ListEvent, ProposedList } from "../../api/decisions";
import { useLocale } from "../../app/locale";
import { formatDateTime, formatNoticeEnd } from "../../components/time";
import { Citation } from "../reviews/HorseRaceModal";
import { roleText, stepNames, stepSource } from "./labels";

/**
 * 立项流程: the list's forward path as the city's policy set it when the list was drawn, each step with
 * the clause it follows and, once taken, who took it and when; the current step is the one the
 * list waits for.
 */
export function ListSteps({ list }: { list: ProposedList }) {
  const { lang, t } = useLocale();
  const current = list.nextEvent ? list.path.indexOf(list.nextEvent) : list.path.length;
  const by = (r: { byName: string; at: string; note: string | null } | null) =>
    r && (
      <Typography.Text type="secondary">
        {r.byName} {formatDateTime(r.at)}
        {r.note ? t(`：${r.note}`, `: ${r.note}`) : ""}
      </Typography.Text>
    );

  const recordOf = (e: ListEvent): ReactNode => {
    switch (e) {
      case "leaderApprove":
        return by(list.leaderApproval);
      case "recordCityGovernment":
        return (
          list.cityGovernment && (
            <Typography.Text type="secondary" data-testid="list-city-government">
              {t(
                `${list.cityGovernment.docNumber}（${list.cityGovernment.approvedOn} 批准）`,
                `${list.cityGovernment.docNumber} (approved ${list.cityGovernment.approvedOn})`,
              )}
            </Typography.Text>
          )
        );
      case "startNotice":
        return (
          list.notice && (
            <Typography.Text type="secondary">{formatDateTime(list.notice.startedAt)}</Typography.Text>
          )
        );
      case "closeNotice":
        return (
          <Typography.Text type="secondary">
            {list.steps.publicNotice &&
              t(
                `${list.steps.publicNotice.workingDays} 个工作日`,
                `${list.steps.publicNotice.workingDays} working days`,
              )}
            {list.notice && ` · ${t("至", "until")} ${formatNoticeEnd(list.notice.endsAt)}`}
          </Typography.Text>
        );
      case "coSign":
        return by(list.coSign);
      case "issue":
        return (
          list.issuedAt && <Typography.Text type="secondary">{formatDateTime(list.issuedAt)}</Typography.Text>
        );
      default:
        return null;
    }
  };

  const returned = list.status === "draft" ? list.returned : null;
  return (
    <Card size="small" title={t("立项流程", "Steps")} data-testid="list-steps">
      <Steps
        size="small"
        current={current}
        items={list.path.map((e) => ({
          title: <span data-testid={`list-step-${e}`}>{stepNames[e][lang]}</span>,
          description: (
            <Space direction="vertical" size={2}>
              <Citation source={stepSource(list, e)} />
              {recordOf(e)}
            </Space>
          ),
        }))}
      />
      {returned && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="list-returned"
          message={t(
            `名单已被${roleText(returned.role, lang)}退回修改（${returned.byName}，${formatDateTime(returned.at)}）`,
            `Returned for changes by ${roleText(returned.role, lang)} (${returned.byName}, ${formatDateTime(returned.at)})`,
          )}
          description={returned.note}
        />
      )}
    </Card>
  );
}
