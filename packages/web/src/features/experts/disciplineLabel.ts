import { disciplineOf } from "@luoshu/domain";
import { type Lang, pickLang } from "../../app/locale";

/** "52020 人工智能": the code with its name from GB/T 13745, or the code alone. */
export function disciplineLabel(code: string, lang: Lang): string {
  const d = disciplineOf(code);
  return d ? `${code} ${pickLang(lang, d.nameZh, d.nameEn)}` : code;
}
