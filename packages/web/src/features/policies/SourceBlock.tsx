import { Tag, Typography } from "antd";
import type { PolicySource } from "../../api/policies";
import { pickLang, useLocale } from "../../app/locale";
import { ClauseTag } from "../../components/ClauseTag";

/**
 * Where a rule comes from: a document clause with its original sentence, or a value the city set
 * where the documents are silent. The Chinese sentence is shown in both locales: it is the source.
 */
export function SourceBlock({ source }: { source?: PolicySource }) {
  const { lang, t } = useLocale();
  if (!source) return null;
  if (source.kind === "clause") {
    return (
      <div style={{ margin: "6px 0" }}>
        <ClauseTag clause={`${source.doc} ${source.clause}`} />
        <blockquote
          lang="zh-CN"
          style={{
            margin: "6px 0 0",
            padding: "4px 12px",
            borderInlineStart: "3px solid #d9d9d9",
            color: "#555",
          }}
        >
          {source.textZh}
        </blockquote>
      </div>
    );
  }
  return (
    <div style={{ margin: "6px 0" }}>
      <Tag color="orange" data-testid="city-setting">
        {t("本市设定", "City setting")}
      </Tag>
      <Typography.Text type="secondary">{pickLang(lang, source.noteZh, source.noteEn)}</Typography.Text>
    </div>
  );
}

/** A rule as a short statement followed by its source. */
export function RuleItem({
  title,
  source,
  children,
}: {
  title: string;
  source?: PolicySource;
  children?: React.ReactNode;
}) {
  return (
    <div style={{ padding: "8px 0", borderBottom: "1px dashed #f0f0f0" }}>
      <Typography.Text strong>{title}</Typography.Text>
      {children && <span style={{ marginInlineStart: 8 }}>{children}</span>}
      <SourceBlock source={source} />
    </div>
  );
}
