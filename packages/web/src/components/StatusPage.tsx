import { Result } from "antd";

/**
 * A whole-page "403" or "404". AntD's Result does not pass data-* attributes on, so the test id
 * sits on a wrapper.
 */
export function StatusPage({
  status,
  message,
  testId,
}: {
  status: "403" | "404";
  message: string;
  testId: string;
}) {
  return (
    <div data-testid={testId}>
      <Result status={status} title={status} subTitle={message} />
    </div>
  );
}
