import { Alert } from "antd";
import { type ContentProblem, violationsOf } from "../../api/applications";
import { ApiError } from "../../api/client";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SettingTag } from "../../components/SettingTag";

/** Every rule a refusal lists, each with its clause; other errors fall back to the plain error alert. */
export function ViolationsAlert({
  error,
  title,
  style,
  testId = "violations",
}: {
  error: unknown;
  title?: string;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const { lang, t } = useLocale();
  if (!error) return null;
  const details =
    error instanceof ApiError ? (error.body.details as { violations?: unknown[] } | undefined) : undefined;
  if (!details?.violations?.length) return <ErrorAlert error={error} style={style} />;
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      data-testid={testId}
      message={title ?? t("未通过以下检查：", "These checks failed:")}
      description={<ViolationList violations={violationsOf(error)} lang={lang} />}
    />
  );
}

const rows: Record<string, { zh: string; en: string }> = {
  team: { zh: "团队成员", en: "Team member" },
  targets: { zh: "考核指标", en: "Target" },
  milestones: { zh: "里程碑", en: "Milestone" },
  partners: { zh: "合作单位", en: "Partner" },
};

/** "团队成员 2：" for a problem of a list row (`team.1.idNumber`), so the summary says which row. */
export function placeOf(path: string | undefined, lang: "zh" | "en"): string {
  const m = path?.match(/^(team|targets|milestones|partners)\.(\d+)\./);
  const row = m?.[1] ? rows[m[1]] : undefined;
  if (!m || !row) return "";
  return lang === "zh" ? `${row.zh} ${Number(m[2]) + 1}：` : `${row.en} ${Number(m[2]) + 1}: `;
}

export function ViolationList({ violations, lang }: { violations: ContentProblem[]; lang: "zh" | "en" }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {violations.map((v, i) => (
        <li key={`${v.code}-${v.path ?? i}`} data-testid={`violation-${v.code}`}>
          {v.code.startsWith("SUBMIT_") ? "" : placeOf(v.path, lang)}
          {pickLang(lang, v.messageZh, v.messageEn)} {v.clause && <ClauseTag clause={v.clause} />}
          {v.setting && <SettingTag setting={v.setting} />}
        </li>
      ))}
    </ul>
  );
}
