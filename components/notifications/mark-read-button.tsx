"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/notifications";

type Props = { id: string; label: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> };

/** Marks one notification read in place; the list and the bell refresh from the action's revalidation. */
export function MarkReadButton({ id, label, action }: Props) {
  const [, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
