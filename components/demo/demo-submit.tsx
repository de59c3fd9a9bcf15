"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** Creating a demo takes a moment (two years of events): the button says so and cannot be pressed twice. */
export function DemoSubmit({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" className="w-full sm:w-auto" disabled={pending} aria-busy={pending || undefined}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
