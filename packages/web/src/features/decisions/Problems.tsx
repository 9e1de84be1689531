import { ruleSettings } from "@luoshu/domain";
import { Alert } from "antd";
import { ApiError } from "../../api/client";
import type { Violation } from "../../api/decisions";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SettingTag } from "../../components/SettingTag";

/** A rule a list breaks or a refusal names: both messages, and the clause or setting behind it. */
export interface ProblemItem {
  code: string;
  messageZh: string;
  messageEn: string;
  clause?: string;
  setting?: string;
  path?: string;
}

const settingOf = (s: string | undefined) => ruleSettings.find((x) => x === s);

export function ProblemList({ items }: { items: readonly ProblemItem[] }) {
  const { lang } = useLocale();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {items.map((v, i) => {
        const setting = settingOf(v.setting);
        return (
          <li key={`${v.code}-${v.path ?? ""}-${i}`} data-testid={`violation-${v.code}`}>
            {pickLang(lang, v.messageZh, v.messageEn)} {v.clause && <ClauseTag clause={v.clause} />}
            {setting && <SettingTag setting={setting} />}
          </li>
        );
      })}
    </ul>
  );
}

/** What stops the list from going forward now, each with its clause. */
export function ViolationsAlert({ violations, stale }: { violations: readonly Violation[]; stale: boolean }) {
  const { t } = useLocale();
  if (violations.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="list-violations"
      message={
        stale
          ? t(
              "名单存在以下问题，须解决后才能继续办理（按上次保存的名单检查，保存后重新检查）：",
              "The list cannot go forward until these are resolved (checked as last saved; saving checks again):",
            )
          : t(
              "名单存在以下问题，须解决后才能继续办理：",
              "The list cannot go forward until these are resolved:",
            )
      }
      description={<ProblemList items={violations} />}
    />
  );
}

/** Every rule a refusal lists (`issues`, or `details.violations`), as the server sent it. */
function problemsOf(err: ApiError): ProblemItem[] {
  const details = err.body.details as { violations?: unknown } | undefined;
  const listed: unknown[] = [
    ...err.issues,
    ...(Array.isArray(details?.violations) ? details.violations : []),
  ];
  return listed.filter(
    (i): i is ProblemItem =>
      typeof i === "object" && i !== null && "messageZh" in i && typeof i.messageZh === "string",
  );
}

/**
 * An action's error. A refusal that lists several rules (a 422 from submit) shows all of them, each
 * with its clause; anything else is the plain error alert (which shows the problem's own clause).
 */
export function ActionErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useLocale();
  if (!error) return null;
  const items = error instanceof ApiError ? problemsOf(error) : [];
  if (items.length < 2) return <ErrorAlert error={error} style={style} />;
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      data-testid="action-problems"
      message={t("未通过以下检查：", "These checks failed:")}
      description={<ProblemList items={items} />}
    />
  );
}
