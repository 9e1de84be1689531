import { type Lang, pickLang } from "../app/locale";

interface Coded {
  code: string;
  nameZh?: string;
  nameEn?: string;
}

/** Select options from coded records (cities, districts, programs), labelled in the current language. */
export function codeOptions(items: readonly Coded[] | undefined, lang: Lang) {
  return items?.map((i) => ({ value: i.code, label: pickLang(lang, i.nameZh, i.nameEn) || i.code }));
}

/** Select options from a name table such as `unitKindNames` or `roleNames`, in the table's order. */
export function nameOptions<K extends string>(names: Record<K, { zh: string; en: string }>, lang: Lang) {
  return (Object.keys(names) as K[]).map((value) => ({ value, label: names[value][lang] }));
}
