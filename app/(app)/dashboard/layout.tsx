import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// This segment's client components get their messages here (lib/i18n/client-messages.ts).
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <ClientMessages segment="(app)/dashboard">{children}</ClientMessages>;
}
