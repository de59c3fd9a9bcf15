import "server-only";

/**
 * E-mail is on only when SMTP_URL is set (e.g. smtps://user:pass@smtp.example:465): the embedded
 * database's single-machine setup has no mail server, so it sends nothing by default.
 */
export type MailConfig = { smtpUrl: string; from: string; baseUrl: string; secret: string };

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const smtpUrl = env.SMTP_URL?.trim();
  const secret = env.NEXTAUTH_SECRET?.trim();
  if (!smtpUrl || !secret) return null;
  return { smtpUrl, from: env.MAIL_FROM?.trim() || "Credit Health <no-reply@localhost>", baseUrl: publicBaseUrl(env), secret };
}

/** The app's public origin for links in e-mails and calendar events. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT?.trim() || "3000"}`;
  return url.replace(/\/+$/, "");
}
