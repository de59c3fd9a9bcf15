import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// This segment's client components get their messages here (lib/i18n/client-messages.ts).
export default function LimitChangeLayout({ children }: { children: ReactNode }) {
  return <ClientMessages segment="(app)/limit-change">{children}</ClientMessages>;
}
