import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import type { LedgerYear } from "../../api/execution";
import { useLocale } from "../../app/locale";

// only what the bars need, so the chart's chunk stays small
use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** A tiny ECharts host: one instance on its div, set from `option`, resized with the div, disposed on unmount. */
function EChart({ option, height, label }: { option: Option; height: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: "canvas" });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: "100%", height }} />;
}

/** Fen as 万元 with two decimals, exact for the chart's axis and tooltip. */
const wanValue = (fen: number) => Math.round(fen / 100) / 10_000;

/**
 * 资金台账图: each budget year's approved budget, committed and paid, in 万元. The figures are in the
 * table beside it and in the chart's label, for those who do not see the canvas.
 */
export default function LedgerChart({ years }: { years: readonly LedgerYear[] }) {
  const { t } = useLocale();
  const { option, label } = useMemo(() => chartOf(years, t), [years, t]);
  return <EChart option={option} height={260} label={label} />;
}

function chartOf(years: readonly LedgerYear[], t: (zh: string, en: string) => string) {
  const ordered = [...years].sort((a, b) => a.year - b.year);
  const series: [string, keyof LedgerYear][] = [
    [t("批准预算", "Approved budget"), "approvedFen"],
    [t("已承诺", "Committed"), "committedFen"],
    [t("已拨付", "Paid"), "paidFen"],
  ];
  const unit = t("万元", "10k yuan");
  const label = t(
    `资金台账柱状图（单位：万元）。${ordered
      .map((y) => `${y.year} 年：${series.map(([n, k]) => `${n} ${wanValue(y[k])}`).join("，")}`)
      .join("；")}`,
    `Ledger bar chart (10k yuan). ${ordered
      .map((y) => `${y.year}: ${series.map(([n, k]) => `${n} ${wanValue(y[k])}`).join(", ")}`)
      .join("; ")}`,
  );
  const option: Option = {
    // Ant Design's blue, gold and green: budget, committed, paid
    color: ["#1677ff", "#faad14", "#52c41a"],
    tooltip: { trigger: "axis", valueFormatter: (v) => `${v} ${unit}` },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 48, bottom: 28 },
    xAxis: { type: "category", data: ordered.map((y) => String(y.year)) },
    yAxis: { type: "value", name: unit },
    series: series.map(([name, key]) => ({
      type: "bar",
      name,
      barMaxWidth: 48,
      data: ordered.map((y) => wanValue(y[key])),
    })),
  };
  return { option, label };
}
