import { formatWanYuan, formatYuan } from "@luoshu/domain";
import type { Lang } from "../app/locale";

const isAmount = (fen: number | null | undefined): fen is number =>
  typeof fen === "number" && Number.isSafeInteger(fen);

/** Display helpers that tolerate a missing amount; the domain formatters throw on anything but fen. */
export function yuan(fen: number | null | undefined): string {
  return isAmount(fen) ? formatYuan(fen) : "—";
}

/** "12.35 万元" for Chinese readers; English has no 万, so it gets the exact amount in yuan. */
export function wan(fen: number | null | undefined, lang: Lang): string {
  if (!isAmount(fen)) return "—";
  return lang === "zh" ? formatWanYuan(fen) : formatYuan(fen);
}
