import { Spin } from "antd";

/** A whole-page spinner, while the session or a page's code is on its way. */
export function PageLoading() {
  return (
    <div style={{ display: "grid", placeItems: "center", height: "100vh" }}>
      <Spin size="large" />
    </div>
  );
}
