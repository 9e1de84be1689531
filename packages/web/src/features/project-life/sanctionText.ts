import type { SanctionKind } from "@luoshu/domain";
import type { ProjectDetail } from "../../api/execution";
import type { Lang } from "../../app/locale";
import { terminationMoneyText } from "./figures";

type Translate = (zh: string, en: string) => string;

/**
 * What a measure does once imposed, as the server carries it out: a payment suspension stops payments
 * in the ledger, a ban or a bad record goes on the integrity records the application gates read, a
 * termination closes the project with its money settled, the others are recorded.
 */
export function sanctionConsequence(
  p: ProjectDetail,
  kind: SanctionKind,
  fromDate: string | undefined,
  untilDate: string | undefined,
  lang: Lang,
  t: Translate,
): string {
  const from = fromDate || t("起始日", "the first day");
  // "自 2026-06-01 至 2026-12-31（含）" / "自 2026-06-01 起 …，直至作出解除决定"
  const span = untilDate
    ? t(`自 ${from} 至 ${untilDate}（含）`, `from ${from} to ${untilDate} inclusive`)
    : t(`自 ${from} 起`, `from ${from} until lifted by a decision`);
  const tail = untilDate ? "" : t("，直至作出解除决定", "");
  switch (kind) {
    case "interview":
      return t(
        `记录对${p.unitName}及项目负责人的约谈。`,
        `The interview of ${p.unitName} and the PI is recorded.`,
      );
    case "reprimand":
      return t(
        `记录对${p.unitName}及项目负责人的通报批评。`,
        `The reprimand of ${p.unitName} and the PI is recorded.`,
      );
    case "judicialReferral":
      return t("记录将案件移送司法机关处理。", "The referral to the judicial organs is recorded.");
    case "paymentSuspension":
      return t(
        `${span}暂停本项目拨款${tail}：期间不得提出或拨付本项目的拨款；可由作出机关解除。`,
        `Payments of the project are suspended ${span}: none may be prepared or paid meanwhile; the authority that imposed it may lift it.`,
      );
    case "eligibilityBan":
      return t(
        `${span}取消${p.unitName}及项目负责人的项目申报资格${tail}，记入科研诚信记录，期间其申报将被拒绝；可由作出机关解除。`,
        `${p.unitName} and the PI may not apply for projects ${span}; it goes on the integrity records and their applications are refused meanwhile. The authority that imposed it may lift it.`,
      );
    case "badRecord":
      return t(
        `将${p.unitName}及项目负责人纳入科研诚信不良记录（自 ${from} 起）。`,
        `${p.unitName} and the PI get a bad integrity record (from ${from}).`,
      );
    case "termination":
      return t(
        `终止项目执行：项目即告终止，不能恢复，此后不再拨款；待审定的终止申请被取代；承担单位尚未报告支出，按已支出为零计：${terminationMoneyText(p, 0, lang, t)}。`,
        `The project ends now and cannot be reopened; nothing more is paid and a termination application waiting is superseded. The unit has reported no spending, so none is counted: ${terminationMoneyText(p, 0, lang, t)}.`,
      );
  }
}
