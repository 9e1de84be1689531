import { formatWanYuan, formatYuan } from "@luoshu/domain";

/** Display helpers that tolerate a missing amount; the domain formatters throw on anything but fen. */
export function yuan(fen: number | null | undefined): string {
  return typeof fen === "number" && Number.isSafeInteger(fen) ? formatYuan(fen) : "—";
}

export function wan(fen: number | null | undefined): string {
  return typeof fen === "number" && Number.isSafeInteger(fen) ? formatWanYuan(fen) : "—";
}
