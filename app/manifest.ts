import type { MetadataRoute } from "next";

// The installable app: home-screen icon, standalone window, and on Android a share target that
// takes screenshots from the gallery into the screenshot preview (public/sw.js receives them).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "信用健康 Credit Health",
    short_name: "信用健康",
    description: "Your credit limit and score over time, every drop explained.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#0d9488",
    lang: "zh-CN",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    share_target: {
      action: "/share-target",
      method: "POST",
      enctype: "multipart/form-data",
      params: { files: [{ name: "screenshots", accept: ["image/png", "image/jpeg", "image/webp", "image/*"] }] },
    },
  };
}
