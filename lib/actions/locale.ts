"use server";

import { cookies } from "next/headers";
import { publicAction } from "@/lib/auth/guards";
import { getCurrentUser } from "@/lib/auth/session";
import { updateUserLocale } from "@/lib/data/users";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/config";
import { localeInput } from "@/lib/i18n/validation";

/**
 * Stores the chosen language in a cookie. Setting a cookie inside a server action makes Next
 * re-render the current route, so the page switches language without a full reload. An unknown
 * locale is refused ("invalid"): the UI only offers valid ones.
 */
export const setLocale = publicAction(localeInput, async ({ locale }, { db }) => {
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  // Signed in: keep the choice on the account too. Anonymous visitors only get the cookie.
  const user = await getCurrentUser();
  if (user && user.locale !== locale) {
    await updateUserLocale(db, { userId: user.id, locale }).catch((error: unknown) => {
      console.error("could not store the locale", error); // the cookie already switched the UI
    });
  }
  return null;
});
