/*
 * Credit Health's service worker. It caches static assets only (Next's hashed build files and
 * the icons): never a page, an API answer or anything personal. It also receives Android's share
 * target: the shared screenshots stay in this worker's memory until the preview page takes them,
 * and are never written to any cache.
 */
const CACHE = "credit-health-static-v1";
const STATIC = [/^\/_next\/static\//, /^\/icons\//];

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

let shared = [];

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  if (event.request.method === "POST" && url.pathname === "/share-target") {
    event.respondWith(receiveShare(event.request));
    return;
  }
  if (event.request.method !== "GET" || !STATIC.some((re) => re.test(url.pathname))) return;
  // Hashed file names never change content: cache first, fill on a miss.
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(event.request);
      if (hit) return hit;
      const res = await fetch(event.request);
      if (res.ok && res.type === "basic") await cache.put(event.request, res.clone());
      return res;
    })(),
  );
});

async function receiveShare(request) {
  try {
    const form = await request.formData();
    shared = form.getAll("screenshots").filter((f) => typeof f === "object");
  } catch {
    shared = [];
  }
  return Response.redirect("/data/screenshots?shared=1", 303);
}

self.addEventListener("message", (event) => {
  if (event.data?.type !== "take-shared-files") return;
  const files = shared;
  shared = [];
  event.source?.postMessage({ type: "shared-files", files });
});
