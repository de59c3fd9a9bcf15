"use client";

import { useEffect } from "react";

// A JWT decode and encode on the server, no database: cheap. The server itself moves lastSeen only
// when it is 5 minutes old, so the cookie's lastSeen trails real activity by at most 6 minutes.
const PING_EVERY_MS = 60 * 1000;
const ACTIVITY = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

/**
 * The idle lifetime (30 minutes) counts from the last activity next-auth saw. Server components
 * cannot rewrite the session cookie, so while the borrower is actually using the page (input, not
 * an open tab alone) this asks next-auth's own session endpoint, at most every 5 minutes, to
 * re-issue it with a fresh `lastSeen` (at most once a minute). An idle or ended session is not revived by this (see
 * lib/auth/session-lifetime.ts); the next navigation then lands on the sign-in page.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = 0; // the first activity on a page pings at once
    const onActivity = () => {
      if (Date.now() - last < PING_EVERY_MS) return;
      last = Date.now();
      void fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" }).catch(() => {});
    };
    for (const type of ACTIVITY) window.addEventListener(type, onActivity, { passive: true });
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, onActivity);
    };
  }, []);
  return null;
}
