import type { ThemeConfig } from "antd";

/** Government-blue primary, the convention for municipal platforms; everything else stays AntD default. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#1f5fbf",
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Segoe UI", Roboto, sans-serif',
  },
};
