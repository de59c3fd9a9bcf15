"use client";

import { useActionState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guards";

type Props<T> = {
  action: (previous: ActionResult<T> | null, input: unknown) => Promise<ActionResult<T>>;
  fields?: Record<string, string>;
  variant?: ButtonVariant;
  children: ReactNode;
};

/** A one-button form for a server action (works before hydration); hidden fields carry its input. */
export function ActionButton<T>({ action, fields = {}, variant = "secondary", children }: Props<T>) {
  const [, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {children}
      </Button>
    </form>
  );
}
