import type { ThemeConfig } from "antd";

/**
 * Government-blue primary, the convention for municipal platforms; otherwise AntD's defaults, except
 * where they fall short of WCAG 2.1 AA (GB/T 37668-2019 asks it of government web services): text
 * needs a contrast of 4.5:1 against its background, and several AntD defaults give about 3.3:1.
 * The fix lives here, in the tokens, so that every component and every new page inherits it;
 * the browser tests check each page with axe-core (e2e/a11y.ts).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f5fbf",
    // links take colorInfo, not colorPrimary: AntD's #1677ff gives 4.1:1 on white
    colorInfo: "#1f5fbf",
    // the derived hover (#417dcc) under a primary button's white text gives 4.2:1
    colorPrimaryHover: "#2a68c4",
    // status colours are also text colours (form errors, status tags, typography): the next darker shades
    colorSuccess: "#237804",
    colorWarning: "#ad4e00",
    colorError: "#cf1322",
    // secondary text, descriptions, labels of statistics and descriptions, empty states, placeholders
    // and disabled values (alpha 0.45/0.25 by default: 3.4:1 and 1.8:1)
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    colorTextDisabled: "rgba(0, 0, 0, 0.56)",
    // a preset-colour tag writes in shade 7 on shade 1; where that falls below 4.5:1, a darker shade
    green7: "#237804",
    orange7: "#ad4e00",
    gold7: "#874d00",
    volcano7: "#ad2102",
    cyan7: "#006d75",
    lime7: "#3f6600",
    yellow7: "#876800",
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Segoe UI", Roboto, sans-serif',
  },
};
