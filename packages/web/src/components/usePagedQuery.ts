import type { TablePaginationConfig } from "antd";
import { useState } from "react";
import { useLocale } from "../app/locale";

/**
 * Page, page size and filters of a table paged on the server. Changing a filter goes back to the
 * first page, and so does changing the page size, since the page shown may no longer exist.
 */
export function usePagedQuery<F extends object>(initialFilters: F) {
  const { t } = useLocale();
  const [filters, setFilterState] = useState(initialFilters);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const setFilters = (patch: Partial<F>) => {
    setFilterState((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => t(`共 ${n} 条`, `${n} in total`),
    onChange: (p, s) => {
      setPage(s === pageSize ? p : 1);
      setPageSize(s);
    },
  });

  return { query: { page, pageSize, ...filters }, filters, setFilters, pagination };
}
