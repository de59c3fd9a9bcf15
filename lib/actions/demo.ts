"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { db } from "@/lib/db";
import { startDemo } from "@/lib/demo/start";

/**
 * The landing page's "Try the demo" button: creates this visitor's own demo borrower and signs
 * them in. Acts on no existing account (like sign-up), so it reads no session; Next checks the
 * Origin of every server action.
 */
export async function startDemoAction(): Promise<void> {
  let started = false;
  try {
    started = (await startDemo(db, { ip: clientIpFrom(await headers()) })).started;
  } catch (error) {
    console.error("could not start a demo", error);
  }
  // Outside the try: redirect() works by throwing.
  redirect(started ? "/dashboard" : "/?demo=unavailable");
}
