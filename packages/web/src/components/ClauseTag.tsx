import { Tag } from "antd";

/** A citation (a policy document's code and clause, `FUNDS §16`); every rule the UI applies shows where it comes from. */
export function ClauseTag({ clause, testId = "clause" }: { clause: string; testId?: string }) {
  return (
    <Tag color="geekblue" data-testid={testId} style={{ fontFamily: "monospace" }}>
      {clause}
    </Tag>
  );
}
