import { getTranslations } from "next-intl/server";
import { PageSkeleton } from "@/components/experience/page-skeleton";

// Header, the two cards, filters, then the table: the page keeps its shape while the rows load.
export default async function Loading() {
  const t = await getTranslations("data");
  return <PageSkeleton label={t("loading")} blocks={[72, 96, 88, 480]} />;
}
