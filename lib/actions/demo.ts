"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { publicAction } from "@/lib/auth/guards";
import { startDemo } from "@/lib/demo/start";

/**
 * The landing page's "Try the demo" button: creates this visitor's own demo borrower and signs
 * them in. Acts on no existing account (like sign-up), so it runs before sign-in; Next checks the
 * Origin of every server action. Its only input is the button's empty form.
 */
export const startDemoAction = publicAction(z.object({}), async (_input, { db }) => {
  let started = false;
  try {
    started = (await startDemo(db, { ip: clientIpFrom(await headers()) })).started;
  } catch (error) {
    console.error("could not start a demo", error);
  }
  // Outside the try: redirect() works by throwing.
  redirect(started ? "/dashboard" : "/?demo=unavailable");
});
