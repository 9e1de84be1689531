/**
 * antd's Radio.Group is a bare div: with this role its Form.Item label names the whole group
 * (axe: aria attributes need a role that allows them). The type does not list `role`, so it is spread.
 */
export const radioGroupRole = { role: "radiogroup" } as Record<string, string>;
