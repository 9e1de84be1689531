import { Button, type ButtonProps, Tooltip } from "antd";

/**
 * A button that may be unavailable for a reason the server gave (the plan's `blocked` list): it is
 * then disabled and the reason shows on hover. A disabled button takes no focus, so pages also write
 * the reasons out beside their buttons (see BlockedReasons).
 */
export function GuardedButton({
  blockedReason,
  testId,
  ...props
}: ButtonProps & { blockedReason: string | null; testId: string }) {
  const button = (
    <Button {...props} disabled={props.disabled || blockedReason !== null} data-testid={testId} />
  );
  if (blockedReason === null) return button;
  return (
    <Tooltip title={blockedReason}>
      {/* the wrapper takes the pointer events a disabled button does not */}
      <span style={{ display: "inline-block", cursor: "not-allowed" }} data-testid={`${testId}-blocked`}>
        {button}
      </span>
    </Tooltip>
  );
}
