"use client";

import { useEffect } from "react";

/**
 * Registers public/sw.js in production builds (it caches static assets only), once the page has
 * loaded and the main thread is idle: the worker's script fetch and install then never compete
 * with the page's own first load.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const register = () => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
    const idle = () => (window.requestIdleCallback ? window.requestIdleCallback(register, { timeout: 5000 }) : window.setTimeout(register, 1000));
    if (document.readyState === "complete") {
      idle();
      return;
    }
    window.addEventListener("load", idle, { once: true });
    return () => window.removeEventListener("load", idle);
  }, []);
  return null;
}
