"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";

type State = { done: boolean; invalid: boolean } | null;
type Props = { token: string; labels: { confirm: string; done: string; invalid: string }; action: (prev: State, form: FormData) => Promise<{ done: boolean; invalid: boolean }> };

/** One button: GET never unsubscribes (link scanners open every link in a mail), the POST does. */
export function UnsubscribeForm({ token, labels, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.done) return <p role="status" className="font-medium text-emerald-800 dark:text-emerald-300">{labels.done}</p>;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="t" value={token} />
      <Button type="submit" disabled={pending}>{labels.confirm}</Button>
      {state?.invalid ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{labels.invalid}</p> : null}
    </form>
  );
}
