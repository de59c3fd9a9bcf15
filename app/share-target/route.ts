export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /share-target — Android's share sheet posts shared screenshots here. The service worker
// (public/sw.js) normally answers it inside the phone; reaching the server means it is not
// installed yet. The images are neither read nor kept, no session is looked at: the page (which
// checks the user itself) explains how to share again.
export async function POST(request: Request): Promise<Response> {
  await request.body?.cancel().catch(() => {});
  return new Response(null, { status: 303, headers: { location: "/data/screenshots?shared=unavailable", "cache-control": "no-store" } });
}
