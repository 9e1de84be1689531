import type { ListEvent, ProposedList } from "../../api/decisions";
import type { Lang } from "../../app/locale";
import { wan } from "../../components/money";
import { stepNames } from "./labels";

type Translate = (zh: string, en: string) => string;

export interface EventCopy {
  title: string;
  /** The consequence, said before the act is taken. */
  content: string;
  done: string;
}

/** What each step does, said in its confirmation. */
export function eventCopy(event: ListEvent, list: ProposedList, lang: Lang, t: Translate): EventCopy {
  const after = list.path[list.path.indexOf(event) + 1];
  const next = after ? stepNames[after][lang] : "";
  const nextZh = next ? `名单进入下一步：${next}` : "";
  const nextEn = next ? `The list moves on to: ${next}` : "";
  const returned = {
    title: t("退回拟立项名单？", "Return the list?"),
    content: t(
      "名单退回项目主管修改，须重新提交局领导审批；退回意见项目主管可见。此操作记入审计日志。",
      "The list goes back to the program officer for changes and must be submitted for approval again; the officer sees your note. The action is audited.",
    ),
    done: t("名单已退回", "List returned"),
  };
  switch (event) {
    case "submit":
      return {
        title: t("提交局领导审批？", "Submit the list for approval?"),
        content: t(
          "提交后名单交局领导审批，审批前不能修改（可撤回后修改）。",
          "The list goes to the bureau leader for approval and cannot be changed meanwhile (recall it to change it).",
        ),
        done: t("已提交局领导审批", "Submitted for approval"),
      };
    case "recall":
      return {
        title: t("撤回拟立项名单？", "Recall the list?"),
        content: t(
          "名单回到拟订中，局领导不再看到待审批事项；修改后须重新提交。",
          "The list is a draft again and leaves the leader's queue; submit it again after changing it.",
        ),
        done: t("名单已撤回", "List recalled"),
      };
    case "leaderApprove":
      return {
        title: t("批准拟立项名单？", "Approve the list?"),
        content: t(
          `批准后${nextZh}；批准不能撤销。此操作记入审计日志。`,
          `${nextEn}. The approval cannot be undone. The action is audited.`,
        ),
        done: t("已批准", "Approved"),
      };
    case "recordCityGovernment":
      return {
        title: t("登记市政府批准？", "Record the city government's approval?"),
        content: t(
          `登记市政府的批准日期和文号后${nextZh}；登记内容记入审计日志，不能修改。`,
          `Once the date and document number are recorded: ${nextEn}. The record is audited and cannot be changed.`,
        ),
        done: t("已登记市政府批准", "City government's approval recorded"),
      };
    case "startNotice":
      return {
        title: t("开始公示？", "Start the public notice?"),
        content: t(
          `名单将在公开栏公示 ${list.steps.publicNotice?.workingDays ?? "—"} 个工作日（不含联系方式和评分），任何人可对公示项目提出异议；公示期间名单不能修改。`,
          `The list is published on the public board for ${list.steps.publicNotice?.workingDays ?? "—"} working days (no contacts, no scores); anyone may object to a project. The list cannot change meanwhile.`,
        ),
        done: t("公示已开始", "Public notice started"),
      };
    case "closeNotice":
      return {
        title: t("结束公示？", "Close the public notice?"),
        content: t(
          `结束后公开栏不再接受异议，${nextZh}。`,
          `No objection is accepted after closing. ${nextEn}.`,
        ),
        done: t("公示已结束", "Public notice closed"),
      };
    case "coSign":
      return {
        title: t("会签拟立项名单？", "Co-sign the list?"),
        content: t(
          `会签即确认名单资金安排（${wan(list.summary.listFen, lang)}）在本年度预算控制数以内；会签后名单交项目主管下达立项。此操作记入审计日志。`,
          `Co-signing confirms the list's funding (${wan(list.summary.listFen, lang)}) fits the year's budget control number; the program officer then issues the projects. The action is audited.`,
        ),
        done: t("已会签", "Co-signed"),
      };
    case "issue":
      return {
        title: t("下达立项？", "Issue the projects?"),
        content: t(
          `下达后每个拟立项项目（${list.summary.selected} 项）获得项目编号并通知申报单位，不可撤回。`,
          `Each selected project (${list.summary.selected}) gets its project number and its unit is notified. This cannot be undone.`,
        ),
        done: t("已下达立项", "Projects issued"),
      };
    case "leaderReturn":
    case "financeReturn":
      return returned;
  }
}
