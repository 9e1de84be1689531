import { App } from "antd";
import type { ReactNode } from "react";
import type { Challenge, ChallengeEvent } from "../../api/challenges";
import { type Lang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { useConfirmAct } from "../decisions/confirm";
import { cited } from "./CityDecisionSteps";
import { useChallengeEvent } from "./hooks";
import { challengeActionNames } from "./labels";

type Translate = (zh: string, en: string) => string;

/**
 * The steps taken with a confirmation alone; the shortlist, the city government's approval and the
 * agreement have a dialog of their own.
 */
export const plainSteps = ["publish", "startNotice", "closeNotice", "coSign", "announce", "cancel"] as const;
export type PlainStep = (typeof plainSteps)[number];
export const isPlainStep = (e: string): e is PlainStep => (plainSteps as readonly string[]).includes(e);

/** What each step does, said in its confirmation before it is taken. */
function stepCopy(
  e: PlainStep,
  c: Challenge,
  days: number | null,
  lang: Lang,
  t: Translate,
): { title: string; content: ReactNode; done: string } {
  const n = days ?? "—";
  const winners = c.bids.filter((b) => b.status === "shortlisted").map((b) => b.unitName);
  switch (e) {
    case "publish":
      return {
        title: t("张榜发布？", "Publish the challenge?"),
        content: t(
          `榜单将在公示页面公开，揭榜截止前各单位可揭榜（截止 ${formatDateTime(c.bidDeadline)}，北京时间）。公开内容包括榜单需求、技术指标、绩效目标、政府资助 ${wan(c.governmentFundingFen, lang)} 和企业配套 ${wan(c.enterpriseCoFundingFen, lang)}；发布后不能修改。此操作记入审计日志。`,
          `The challenge goes on the public page and any unit may bid until ${formatDateTime(c.bidDeadline)} (Beijing time). Its requirements, indicators, targets, government funding (${wan(c.governmentFundingFen, lang)}) and enterprise co-funding (${wan(c.enterpriseCoFundingFen, lang)}) are public and cannot change afterwards. The action is audited.`,
        ),
        done: t("榜单已发布", "Challenge published"),
      };
    case "startNotice":
      return {
        title: t("公示拟中榜名单？", "Put the shortlist on public notice?"),
        content: t(
          `拟中榜名单（${winners.join("、") || "—"}）将在公示页面公示 ${n} 个工作日；公示期满后方可结束公示、签订三方协议。`,
          `The shortlist (${winners.join(", ") || "—"}) is on the public page for ${n} working days; only after that may the notice close and the tripartite agreement be signed.`,
        ),
        done: t("拟中榜名单公示已开始", "Shortlist notice started"),
      };
    case "closeNotice":
      return {
        title: t("结束公示？", "Close the public notice?"),
        content: c.steps.coSign
          ? cited(
              t(
                `公示期（至 ${formatDateTime(c.noticeEndsAt)}）满后结束公示；随后须经市财政局会签`,
                `The notice (until ${formatDateTime(c.noticeEndsAt)}) closes once its period is over; finance co-signs next`,
              ),
              c.steps.coSign,
              t(
                "，再登记需求方、揭榜方与市科技局签订的三方协议。",
                ", then the tripartite agreement of the demand side, the bidder and the bureau is recorded.",
              ),
            )
          : t(
              `公示期（至 ${formatDateTime(c.noticeEndsAt)}）满后结束公示；随后登记需求方、揭榜方与市科技局签订的三方协议。`,
              `The notice (until ${formatDateTime(c.noticeEndsAt)}) closes once its period is over; the tripartite agreement of the demand side, the bidder and the bureau is recorded next.`,
            ),
        done: t("公示已结束", "Public notice closed"),
      };
    case "coSign":
      return {
        title: t("财政会签？", "Co-sign for the finance bureau?"),
        content: cited(
          t(
            `会签即确认“${c.title}”的资金安排（拟中榜：${winners.join("、") || "—"}，每项政府资助 ${wan(c.governmentFundingFen, lang)}）；会签后需求方、揭榜方与市科技局方可签订三方协议`,
            `Co-signing confirms the funding of "${c.title}" (shortlisted: ${winners.join(", ") || "—"}, ${wan(c.governmentFundingFen, lang)} of government funding each); the demand side, the bidder and the bureau may then sign the tripartite agreement`,
          ),
          c.steps.coSign,
          t("。会签不能撤销，此操作记入审计日志。", ". The co-sign cannot be undone; the action is audited."),
        ),
        done: t("已会签", "Co-signed"),
      };
    case "announce":
      return {
        title: t("发布中榜公告？", "Announce the award?"),
        content: t(
          `发布中榜公告后生成项目编号并通知揭榜单位，不可撤回。中榜：${winners.join("、") || "—"}，每项政府资助 ${wan(c.governmentFundingFen, lang)}。此操作记入审计日志。`,
          `Announcing numbers the projects and notifies the bidders; it cannot be undone. Awarded: ${winners.join(", ") || "—"}, ${wan(c.governmentFundingFen, lang)} of government funding each. The action is audited.`,
        ),
        done: t("中榜公告已发布", "Award announced"),
      };
    case "cancel":
      return {
        title: t("撤榜？", "Withdraw the challenge?"),
        content: t(
          `“${c.title}”将终止，不能恢复；公示页面不再显示该榜单，已揭榜的申请不再办理。此操作记入审计日志。`,
          `"${c.title}" ends and cannot be restored; it leaves the public page and its bids go no further. The action is audited.`,
        ),
        done: t("已撤榜", "Challenge withdrawn"),
      };
  }
}

/**
 * The steps taken after a confirmation that states the consequence; one mutation for the page, so
 * its error shows once above the list.
 */
export function useChallengeSteps(days: number | null) {
  const { lang, t } = useLocale();
  const { message } = App.useApp();
  const confirmAct = useConfirmAct();
  const step = useChallengeEvent();
  const run = async (c: Challenge, e: PlainStep) => {
    const copy = stepCopy(e, c, days, lang, t);
    const ok = await confirmAct({
      title: copy.title,
      content: copy.content,
      okText: challengeActionNames[e][lang],
      testId: `challenge-${e}-confirm`,
      danger: e === "cancel",
    });
    if (ok) step.mutate({ id: c.id, event: e }, { onSuccess: () => message.success(copy.done) });
  };
  /** The step being sent for `id`, if any. */
  const pendingFor = (id: string): ChallengeEvent | null =>
    step.isPending && step.variables?.id === id ? step.variables.event : null;
  return { run, step, pendingFor };
}
