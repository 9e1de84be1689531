import { Alert } from "antd";
import { ApiError, errorText } from "../api/client";
import { useLocale } from "../app/locale";
import { ClauseTag } from "./ClauseTag";
import { SettingTag } from "./SettingTag";

/** An error from any query or mutation, in the user's language, with its clause and issue list. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { lang } = useLocale();
  if (!error) return null;
  const headline = errorText(error, lang);
  // an answer listing every field's problem leads with the first: the list need not repeat it
  const issues = (error instanceof ApiError ? error.issues : []).filter(
    (i) => (lang === "zh" ? i.messageZh : i.messageEn) !== headline,
  );
  const clause = error instanceof ApiError ? error.clause : undefined;
  const setting = error instanceof ApiError ? error.body.setting : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      style={style}
      message={
        <span>
          {headline} {clause && <ClauseTag clause={clause} />}
          {setting && <SettingTag setting={setting} />}
        </span>
      }
      description={
        issues.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {issues.map((i) => (
              <li key={`${i.path}-${i.code}`}>{lang === "zh" ? i.messageZh : i.messageEn}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
