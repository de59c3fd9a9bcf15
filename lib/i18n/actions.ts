"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { updateUserLocale } from "@/lib/data/users";
import { LOCALES, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "./config";

const localeInput = z.object({ locale: z.enum(LOCALES) });

/**
 * Stores the chosen language in a cookie. Setting a cookie inside a server action makes Next
 * re-render the current route, so the page switches language without a full reload.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = localeInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return; // an unknown locale is ignored: the UI only offers valid ones
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  // Signed in: keep the choice on the account too. Anonymous visitors only get the cookie.
  const user = await getCurrentUser();
  if (user && user.locale !== parsed.data.locale) {
    await updateUserLocale({ userId: user.id, locale: parsed.data.locale }).catch((error: unknown) => {
      console.error("could not store the locale", error); // the cookie already switched the UI
    });
  }
}
