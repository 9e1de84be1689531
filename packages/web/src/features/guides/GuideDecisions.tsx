import { Alert, Space } from "antd";
import type { Guide } from "../../api/guides";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { formatDateTime } from "../../components/time";

/**
 * What stands between the guide and its publication, or was decided to get there: the finance
 * bureau's co-issue (LY-FUNDS §12) and caps stated in principle (原则上) with the leader's reason.
 */
export function GuideDecisions({ guide }: { guide: Guide }) {
  const { lang, t } = useLocale();
  const { coIssue, capWarnings, capOverride, closedCalls } = guide;
  if (!coIssue && capWarnings.length === 0 && closedCalls.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="guide-decisions">
      {closedCalls.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="guide-closed-calls"
          message={t(
            "申报批次已截止：调整或删除这些批次后，指南才能提交审核、发布",
            "Calls already closed: move or remove them before the guide goes to review or is published",
          )}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {closedCalls.map((v) => (
                <li key={v.path}>{pickLang(lang, v.messageZh, v.messageEn)}</li>
              ))}
            </ul>
          }
        />
      )}
      {coIssue && (
        <Alert
          type={coIssue.coIssuedAt ? "success" : "info"}
          showIcon
          data-testid="guide-co-issue"
          message={
            <span>
              {coIssue.coIssuedAt
                ? t(
                    `市财政局已会同发布（${formatDateTime(coIssue.coIssuedAt)}）`,
                    `Co-issued by the finance bureau (${formatDateTime(coIssue.coIssuedAt)})`,
                  )
                : t(
                    "本指南须会同市财政局发布：财政局会签后方可发布",
                    "Issued together with the finance bureau: it is published once the finance bureau co-issued it",
                  )}{" "}
              {coIssue.clause && <ClauseTag clause={coIssue.clause} />}
            </span>
          }
        />
      )}
      {capWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="guide-cap-warnings"
          message={
            capOverride
              ? t(
                  "超过“原则上”的上限，局领导已记录理由",
                  "Over caps stated in principle; the leader recorded the reason",
                )
              : t(
                  "超过“原则上”的上限：须由局领导填写理由后发布",
                  "Over caps stated in principle: the leader publishes only with a reason",
                )
          }
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {capWarnings.map((w) => (
                  <li key={w.path}>
                    {pickLang(lang, w.messageZh, w.messageEn)} {w.clause && <ClauseTag clause={w.clause} />}
                  </li>
                ))}
              </ul>
              {capOverride && (
                <p style={{ margin: "8px 0 0" }} data-testid="guide-cap-override">
                  {t("发布理由：", "Reason: ")}
                  {capOverride.reason}（{formatDateTime(capOverride.at)}）
                </p>
              )}
            </>
          }
        />
      )}
    </Space>
  );
}
