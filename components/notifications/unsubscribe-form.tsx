/**
 * One button posting to the RFC 8058 endpoint, as a mail client would: GET never unsubscribes
 * (link scanners open every link in a mail), the POST does. A plain form, so it works without
 * JavaScript; the endpoint sends a browser back here with ?done=1.
 */
export function UnsubscribeForm({ token, label }: { token: string; label: string }) {
  return (
    <form method="post" action={`/api/email/unsubscribe?t=${encodeURIComponent(token)}`}>
      <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 dark:bg-brand-500 dark:text-slate-950 dark:hover:bg-brand-400">
        {label}
      </button>
    </form>
  );
}
