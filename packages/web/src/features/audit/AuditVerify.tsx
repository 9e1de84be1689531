import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Space } from "antd";
import { verifyAudit } from "../../api/audit";
import { useLocale } from "../../app/locale";
import { ErrorAlert } from "../../components/ErrorAlert";

/** Verification reads the whole chain, so it runs only when asked, never on page load. */
export function AuditVerify() {
  const { t } = useLocale();
  const verify = useQuery({ queryKey: ["auditVerify"], queryFn: verifyAudit, enabled: false, gcTime: 0 });
  const r = verify.data;

  return (
    <Space direction="vertical" style={{ width: "100%", marginBottom: 16 }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        onClick={() => verify.refetch()}
        loading={verify.isFetching}
        data-testid="audit-verify"
      >
        {t("校验哈希链", "Verify hash chain")}
      </Button>
      <ErrorAlert error={verify.error} />
      {r && !verify.isFetching && (
        <Alert
          data-testid="audit-verify-result"
          type={r.ok ? "success" : "error"}
          showIcon
          message={
            r.ok
              ? t(`哈希链完整，已校验 ${r.checked} 条记录`, `Hash chain intact: ${r.checked} entries checked`)
              : t(
                  `哈希链在第 ${r.firstBroken?.seq ?? "?"} 条断裂（已校验 ${r.checked} 条）`,
                  `Hash chain broken at entry ${r.firstBroken?.seq ?? "?"} (${r.checked} checked)`,
                )
          }
          description={r.firstBroken?.reason}
        />
      )}
    </Space>
  );
}
