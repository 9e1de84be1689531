import type { UseMutationResult } from "@tanstack/react-query";
import { App, type ButtonProps, Form, type FormInstance, Modal, Space, Typography } from "antd";
import { type ReactNode, useEffect, useRef } from "react";
import { useLocale } from "../app/locale";
import { ErrorAlert } from "./ErrorAlert";
import { applyFieldErrors } from "./formErrors";

interface Options<V, Vars, Data> {
  open: boolean;
  onClose: () => void;
  mutation: UseMutationResult<Data, Error, Vars>;
  /** The validated form values as the mutation's variables. */
  toVariables: (values: V) => Vars;
  /** Form fields the server's errors may name; those errors are shown on the field as well. */
  fields: readonly string[];
  successText: string;
  /** Set after the reset each time the dialog opens; pass a prop or a memoised value. */
  initialValues?: Parameters<FormInstance<V>["setFieldsValue"]>[0];
}

export interface FormModalState<V> {
  form: FormInstance<V>;
  open: boolean;
  onClose: () => void;
  submit: () => Promise<void>;
  pending: boolean;
  error: Error | null;
}

/**
 * What every create/edit dialog does: start clean when opened, validate, save, put the server's
 * field errors on their fields, and close with a message on success.
 */
export function useFormModal<V, Vars, Data>(options: Options<V, Vars, Data>): FormModalState<V> {
  const { open, onClose, mutation, toVariables, fields, successText, initialValues } = options;
  const { lang } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const { reset } = mutation;

  // Opening starts afresh from the initial values. Initial values that arrive or change while the
  // dialog is open (a refetch of the data they come from) fill it only while nothing has been typed:
  // nothing typed is lost.
  const wasOpen = useRef(false);
  useEffect(() => {
    const opening = open && !wasOpen.current;
    wasOpen.current = open;
    if (!open) return;
    if (opening) {
      form.resetFields();
      reset();
    } else if (form.isFieldsTouched()) return;
    if (initialValues) form.setFieldsValue(initialValues);
  }, [open, initialValues, form, reset]);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    mutation.mutate(toVariables(values), {
      onSuccess: () => {
        message.success(successText);
        onClose();
      },
      onError: (err) => applyFieldErrors(form, err, lang, fields),
    });
  };

  return { form, open, onClose, submit, pending: mutation.isPending, error: mutation.error };
}

interface FormModalProps<V> {
  modal: FormModalState<V>;
  title: string;
  submitTestId?: string;
  formTestId?: string;
  /** The submit button's text when it should name the act ("退回修改"); AntD's "OK" otherwise. */
  okText?: string;
  /** False for a dialog that must be completed (no cancel, no Escape, no click outside). */
  closable?: boolean;
  /** A wider dialog for a form holding a table; AntD's default otherwise. */
  width?: number;
  /** Why the submit button is disabled, written out beside it; null or absent when it is not. */
  blockedReason?: string | null;
  children: ReactNode;
}

/** The dialog for `useFormModal`: the server's error above a vertical form. */
export function FormModal<V>({
  modal,
  title,
  submitTestId,
  formTestId,
  okText,
  closable = true,
  width,
  blockedReason,
  children,
}: FormModalProps<V>) {
  const blocked = blockedReason ?? null;
  return (
    <Modal
      open={modal.open}
      title={title}
      width={width}
      onOk={modal.submit}
      onCancel={modal.onClose}
      closable={closable}
      maskClosable={closable}
      keyboard={closable}
      cancelButtonProps={closable ? undefined : { style: { display: "none" } }}
      confirmLoading={modal.pending}
      okText={okText}
      okButtonProps={
        submitTestId || blocked
          ? ({
              "data-testid": submitTestId,
              disabled: blocked !== null,
              title: blocked ?? undefined,
            } as ButtonProps)
          : undefined
      }
      footer={
        blocked === null
          ? undefined
          : (buttons) => (
              <Space wrap style={{ justifyContent: "flex-end" }}>
                <Typography.Text type="secondary" data-testid={`${submitTestId ?? "form"}-blocked`}>
                  {blocked}
                </Typography.Text>
                {buttons}
              </Space>
            )
      }
      destroyOnHidden
    >
      {modal.error && <ErrorAlert error={modal.error} style={{ marginBottom: 16 }} />}
      <Form form={modal.form} layout="vertical" data-testid={formTestId}>
        {children}
      </Form>
    </Modal>
  );
}
