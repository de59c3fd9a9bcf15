/**
 * The e-mails: one alert, or the weekly digest, in the borrower's language, as plain text and
 * simple HTML, with the one-click unsubscribe link in the body and in the List-Unsubscribe
 * headers (RFC 2369, and RFC 8058's List-Unsubscribe-Post so mail clients can unsubscribe with
 * one POST and no sign-in).
 */
// i18n-translator: t = "notifications"
import type { Locale } from "@/lib/i18n/config";
import type { ReminderKind } from "@/lib/reminders/kinds";
import { kindName, notificationText, notificationsTranslator, type NotificationLike } from "@/lib/reminders/texts";
import { unsubscribeToken } from "./unsubscribe-token";

export type Mail = { subject: string; text: string; html: string; headers: Record<string, string> };
export type Recipient = { userId: string; locale: Locale; currency: string };
export type MailLinks = { baseUrl: string; secret: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function unsubscribe(links: MailLinks, userId: string, kind: ReminderKind | "all") {
  const token = unsubscribeToken({ userId, kind }, links.secret);
  return {
    page: `${links.baseUrl}/unsubscribe?t=${token}`,
    headers: {
      "List-Unsubscribe": `<${links.baseUrl}/api/email/unsubscribe?t=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

function layout(locale: Locale, parts: { intro?: string; items: { title: string; body: string; url: string }[]; why: string; unsubscribeUrl: string; settingsUrl: string }) {
  const t = notificationsTranslator(locale);
  const text = [
    t("email.greeting"),
    "",
    ...(parts.intro ? [parts.intro, ""] : []),
    ...parts.items.flatMap((i) => [i.title, i.body, i.url, ""]),
    "--",
    parts.why,
    `${t("email.unsubscribe")}: ${parts.unsubscribeUrl}`,
    `${t("email.manage")}: ${parts.settingsUrl}`,
  ].join("\n");
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;line-height:1.6;color:#0f172a;max-width:560px">
<p>${escape(t("email.greeting"))}</p>${parts.intro ? `<p>${escape(parts.intro)}</p>` : ""}
${parts.items.map((i) => `<h2 style="font-size:16px;margin:20px 0 4px">${escape(i.title)}</h2><p style="margin:0 0 4px">${escape(i.body)}</p><p style="margin:0"><a href="${escape(i.url)}">${escape(i.url)}</a></p>`).join("\n")}
<hr style="margin-top:24px;border:0;border-top:1px solid #e2e8f0"><p style="font-size:13px;color:#475569">${escape(parts.why)}<br><a href="${escape(parts.unsubscribeUrl)}">${escape(t("email.unsubscribe"))}</a> · <a href="${escape(parts.settingsUrl)}">${escape(t("email.manage"))}</a></p>
</body></html>`;
  return { text, html };
}

const SETTINGS_PATH = "/settings/notifications";

/** One alert: its title is the subject; unsubscribing stops e-mail of this kind only. */
export function alertMail(to: Recipient, n: NotificationLike & { href: string }, links: MailLinks): Mail {
  const t = notificationsTranslator(to.locale);
  const { title, body } = notificationText(n, to.locale, to.currency);
  const u = unsubscribe(links, to.userId, n.kind);
  const { text, html } = layout(to.locale, {
    items: [{ title, body, url: links.baseUrl + n.href }],
    why: t("email.why", { kind: kindName(n.kind, to.locale) }),
    unsubscribeUrl: u.page,
    settingsUrl: links.baseUrl + SETTINGS_PATH,
  });
  return { subject: title, text, html, headers: u.headers };
}

/** The weekly digest of several notifications; unsubscribing stops every e-mail. */
export function digestMail(to: Recipient, items: readonly (NotificationLike & { href: string })[], links: MailLinks): Mail {
  const t = notificationsTranslator(to.locale);
  const u = unsubscribe(links, to.userId, "all");
  const { text, html } = layout(to.locale, {
    intro: t("email.digestIntro"),
    items: items.map((n) => ({ ...notificationText(n, to.locale, to.currency), url: links.baseUrl + n.href })),
    why: t("email.whyDigest"),
    unsubscribeUrl: u.page,
    settingsUrl: links.baseUrl + SETTINGS_PATH,
  });
  return { subject: t("email.digestSubject", { count: items.length }), text, html, headers: u.headers };
}
