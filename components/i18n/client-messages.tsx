import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { SEGMENT_CLIENT_NAMESPACES, pickMessages, type ClientSegment } from "@/lib/i18n/client-messages";

/**
 * A segment layout's provider: hands the client components below it the namespaces its segment
 * lists (lib/i18n/client-messages.ts), on top of the locale, time zone and formats next-intl fills
 * in. It replaces the root layout's messages for that subtree, so each list is complete.
 */
export async function ClientMessages({ segment, children }: { segment: ClientSegment; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, SEGMENT_CLIENT_NAMESPACES[segment])}>{children}</NextIntlClientProvider>;
}
