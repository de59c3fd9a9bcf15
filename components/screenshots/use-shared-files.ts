"use client";

import { useEffect, useEffectEvent } from "react";

/**
 * Screenshots shared from the phone's gallery (Android share target). The service worker
 * (public/sw.js) took the POST, kept the files in its memory only and opened this page with
 * ?shared=1; here they are asked for once and handed to the flow.
 */
export function useSharedFiles(shared: string | undefined, onFiles: (files: File[]) => void): void {
  const deliver = useEffectEvent(onFiles);
  useEffect(() => {
    if (shared !== "1" || !("serviceWorker" in navigator)) return;
    // The address is not kept: a reload must not ask for the same files again.
    window.history.replaceState(null, "", window.location.pathname);
    const onMessage = (e: MessageEvent) => {
      const files = e.data?.type === "shared-files" ? ((e.data.files as File[] | undefined) ?? []) : [];
      if (files.length) deliver(files);
    };
    navigator.serviceWorker.addEventListener("message", onMessage);
    void navigator.serviceWorker.ready.then((reg) => (navigator.serviceWorker.controller ?? reg.active)?.postMessage({ type: "take-shared-files" }));
    return () => navigator.serviceWorker.removeEventListener("message", onMessage);
  }, [shared]);
}
