import { getTranslations } from "next-intl/server";
import { PageSkeleton } from "@/components/experience/page-skeleton";

export default async function Loading() {
  const t = await getTranslations("experience");
  return <PageSkeleton label={t("loading")} blocks={[56, 380, 240]} />;
}
