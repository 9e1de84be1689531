import { App, type ButtonProps } from "antd";
import type { ReactNode } from "react";
import { useLocale } from "../../app/locale";
import type { FormModalState } from "../../components/FormModal";

export interface Act {
  title: string;
  /** What the act does and what cannot be undone. */
  content: ReactNode;
  /** The button names the act ("下达立项"), never a bare "OK". */
  okText: string;
  testId: string;
  danger?: boolean;
}

/**
 * Asks before a decision is taken: the dialog states the consequence, its button names the act, and
 * Cancel has the focus, so Enter never takes a decision. Resolves true when the act is confirmed.
 */
export function useConfirmAct() {
  const { t } = useLocale();
  const { modal } = App.useApp();
  return (act: Act) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: act.title,
        content: act.content,
        okText: act.okText,
        cancelText: t("取消", "Cancel"),
        autoFocusButton: "cancel",
        okButtonProps: { "data-testid": act.testId, danger: act.danger } as ButtonProps,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}

/** A form dialog whose submit first validates, then asks `ask` (e.g. a consequence that depends on the answers). */
export function withConfirmation<V>(
  state: FormModalState<V>,
  ask: (values: V) => Promise<boolean>,
): FormModalState<V> {
  return {
    ...state,
    submit: async () => {
      let values: V;
      try {
        values = await state.form.validateFields();
      } catch {
        return; // the form shows what is missing
      }
      if (await ask(values)) await state.submit();
    },
  };
}
