import { Form, Input, Space } from "antd";
import type { ReactNode } from "react";
import { useLocale } from "../../app/locale";
import { lengthLimit, trimmed } from "../../components/lengthLimit";
import { Citation } from "../reviews/HorseRaceModal";

type Source = { clause?: string; setting?: "city" } | null;

/** A field's label with the clause (or the city-setting mark) its rule comes from. */
export function CitedLabel({ text, source }: { text: string; source: Source }) {
  return (
    <Space size={4} wrap>
      <span>{text}</span>
      <Citation source={source} />
    </Space>
  );
}

/** A required text the server trims and bounds (`longText(min, max)`), its count shown, never cut. */
export function TextField({
  name,
  label,
  min,
  max,
  testId,
  extra,
  rows = 4,
}: {
  name: string;
  label: ReactNode;
  min: number;
  max: number;
  testId: string;
  extra?: ReactNode;
  rows?: number;
}) {
  const { t } = useLocale();
  const limit = lengthLimit(max, t);
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        { required: true, whitespace: true, message: t("请填写", "Required") },
        { min, transform: trimmed, message: t(`至少 ${min} 个字`, `At least ${min} characters`) },
        limit.rule,
      ]}
    >
      {rows > 1 ? (
        <Input.TextArea rows={rows} count={limit.count} data-testid={testId} />
      ) : (
        <Input count={limit.count} autoComplete="off" data-testid={testId} />
      )}
    </Form.Item>
  );
}
