import { Space, Timeline, Typography } from "antd";
import type { TimelineEntry } from "../../api/execution";
import { type Lang, useLocale } from "../../app/locale";
import { wan } from "../../components/money";
import { formatDateTime } from "../../components/time";
import { changeKindNames, closureGroundNames, sanctionKindNames } from "../project-life/labels";
import { Citation } from "../reviews/HorseRaceModal";
import { nodeName, timelineColors, timelineName } from "./labels";

type Translate = (zh: string, en: string) => string;

const closureGroundName = (code: string, lang: Lang) =>
  (closureGroundNames as Record<string, { zh: string; en: string }>)[code]?.[lang] ?? code;
const sanctionKindName = (code: string, lang: Lang) =>
  (sanctionKindNames as Record<string, { zh: string; en: string }>)[code]?.[lang] ?? code;
const changeKindName = (code: string, lang: Lang) =>
  (changeKindNames as Record<string, { zh: string; en: string }>)[code]?.[lang] ?? code;

/** What an entry's detail says: the day of signing, or the node (and the treasury's voucher once paid). */
function detailOf(e: TimelineEntry, lang: Lang, t: Translate): string | null {
  if (e.kind === "moneyReturned" && e.reference) {
    return t(`国库凭证号 ${e.reference}`, `treasury reference ${e.reference}`);
  }
  if (!e.detail) return null;
  if (e.kind === "terminationApplied") return closureGroundName(e.detail, lang);
  if (e.kind === "sanctionImposed" || e.kind === "sanctionLifted") return sanctionKindName(e.detail, lang);
  if (e.kind.startsWith("change")) return changeKindName(e.detail, lang);
  if (e.kind === "taskBookSigned") return t(`签订日期 ${e.detail}`, `signed on ${e.detail}`);
  if (e.kind === "paymentPaid" && e.reference) {
    return t(
      `${nodeName(e.detail, lang)}，国库支付凭证号 ${e.reference}`,
      `${nodeName(e.detail, lang)}, treasury voucher ${e.reference}`,
    );
  }
  if (e.kind.startsWith("payment")) return nodeName(e.detail, lang);
  return e.detail;
}

/** An entry's amount: what a termination or revocation leaves due back, else the amount itself. */
function amountOf(e: TimelineEntry, lang: Lang, t: Translate): string {
  const amount = wan(e.amountFen, lang);
  if (e.kind === "projectTerminated" || e.kind === "balanceDue")
    return t(`应退回 ${amount}`, `${amount} due back`);
  if (e.kind === "projectRevoked") return t(`应追回 ${amount}`, `${amount} to recover`);
  return amount;
}

/** 项目大事记: everything that happened to the project, oldest first, who did it and when (Beijing time). */
export function ProjectTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { lang, t } = useLocale();
  return (
    <Timeline
      data-testid="project-timeline"
      items={entries.map((e, i) => {
        const detail = detailOf(e, lang, t);
        return {
          key: `${e.kind}-${e.at}-${i}`,
          color: timelineColors[e.kind] ?? "blue",
          children: (
            <Space direction="vertical" size={0} data-testid={`timeline-${e.kind}`}>
              <Space size={6} wrap>
                <Typography.Text strong>{timelineName(e.kind, lang)}</Typography.Text>
                {e.amountFen !== null && <Typography.Text>{amountOf(e, lang, t)}</Typography.Text>}
                <Citation source={e.source} />
              </Space>
              {detail && <Typography.Text>{detail}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.byName ? `${e.byName} · ` : ""}
                {formatDateTime(e.at)}
              </Typography.Text>
            </Space>
          ),
        };
      })}
    />
  );
}
