import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PublicHeader } from "@/components/layout/public-header";
import { SiteFooter } from "@/components/layout/site-footer";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10 sm:py-16">
        <ClientMessages segment="(auth)">{children}</ClientMessages>
      </main>
      <SiteFooter />
    </>
  );
}
