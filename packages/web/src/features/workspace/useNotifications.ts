import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router-dom";
import { fetchNotifications, markNotificationRead, type Notification } from "../../api/notifications";

/**
 * The user's notifications for the header bell and the workspace card alike: one query, polled each
 * minute so work arriving in a queue shows without a reload; opening one marks it read and follows
 * its link.
 */
export function useNotifications() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ["notifications"],
    queryFn: fetchNotifications,
    refetchInterval: 60_000,
  });
  const read = useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["notifications"] }),
  });
  const unread = list.data?.filter((n) => !n.read).length ?? 0;

  const open = (n: Notification) => {
    if (!n.read) read.mutate(n.id);
    if (n.link.startsWith("/") && !n.link.startsWith("/api")) navigate(n.link);
  };
  return { list, unread, open };
}
