import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import { type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { ApiError, setSessionLostHandler } from "../api/client";
import { markSessionLost } from "../features/auth/session";
import { LocaleProvider, useLocale } from "./locale";
import { theme } from "./theme";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // a 4xx will not get better by asking again; only transient failures are retried
        retry: (count, err) =>
          !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

const reduceMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)");
const onMotionSetting = (changed: () => void) => {
  const query = reduceMotion();
  query.addEventListener("change", changed);
  return () => query.removeEventListener("change", changed);
};

/**
 * Whether the user asked the system for less motion (prefers-reduced-motion), followed as it changes.
 * AntD's dialogs, menus and messages then appear and go without animation (WCAG 2.1 2.3.3); the
 * browser tests ask for it too, so that a click never lands on a dialog still zooming in.
 */
const usePrefersReducedMotion = () => useSyncExternalStore(onMotionSetting, () => reduceMotion().matches);

function AntdLocale({ children }: { children: ReactNode }) {
  const { lang, t } = useLocale();
  const reduced = usePrefersReducedMotion();
  const themed = useMemo(
    () => (reduced ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reduced],
  );
  // one wording for every required field, so forms need not repeat their labels in their rules
  // biome-ignore lint/suspicious/noTemplateCurlyInString: AntD's placeholder, filled with the field's label
  const form = { validateMessages: { required: t("请填写${label}", "${label} is required") } };
  return (
    <ConfigProvider locale={lang === "zh" ? zhCN : enUS} theme={themed} form={form}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);

  useEffect(() => {
    setSessionLostHandler((code) => markSessionLost(queryClient, code));
    return () => setSessionLostHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntdLocale>{children}</AntdLocale>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
