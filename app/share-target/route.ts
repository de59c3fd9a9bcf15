import { requireUserOrNull } from "@/lib/auth/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /share-target — Android's share sheet posts shared screenshots here. The service worker
// (public/sw.js) normally answers it inside the phone; reaching the server means it is not
// installed yet. The images are not read or kept: the page explains how to share again.
export async function POST(request: Request): Promise<Response> {
  await request.body?.cancel().catch(() => {});
  const user = await requireUserOrNull();
  const to = user ? "/data/screenshots?shared=unavailable" : "/sign-in";
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
}
