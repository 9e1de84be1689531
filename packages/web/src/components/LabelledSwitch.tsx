import { Space, Switch, type SwitchProps, Typography } from "antd";

/**
 * A switch with its label written beside it. The switch is a button, which a screen reader names
 * from its own text or aria-label only (an HTML label does not count for axe's button-name), so the
 * label names it that way as well.
 */
export function LabelledSwitch({ label, ...props }: SwitchProps & { label: string }) {
  return (
    <Space>
      <Switch aria-label={label} {...props} />
      <Typography.Text>{label}</Typography.Text>
    </Space>
  );
}
