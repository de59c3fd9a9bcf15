import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// This segment's client components get their messages here (lib/i18n/client-messages.ts).
export default function DataLayout({ children }: { children: ReactNode }) {
  return <ClientMessages segment="(app)/data">{children}</ClientMessages>;
}
