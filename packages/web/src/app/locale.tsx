import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

export type Lang = "zh" | "en";

const STORAGE_KEY = "luoshu.lang";

interface LocaleValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Picks the text for the current language; Chinese is always given first. */
  t: (zh: string, en: string) => string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    // storage can be blocked (private mode, policies); Chinese is the default anyway
    return "zh";
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    dayjs.locale(lang === "zh" ? "zh-cn" : "en");
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisting is acceptable; the switch still works for this visit
    }
  }, []);

  const value = useMemo<LocaleValue>(
    () => ({ lang, setLang, t: (zh, en) => (lang === "zh" ? zh : en) }),
    [lang, setLang],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useLocale outside LocaleProvider");
  return value;
}

/** For API objects carrying both languages: `{ nameZh, nameEn }`, `{ messageZh, messageEn }`, … */
export function pickLang(lang: Lang, zh: string | undefined | null, en: string | undefined | null): string {
  return (lang === "zh" ? zh || en : en || zh) ?? "";
}
