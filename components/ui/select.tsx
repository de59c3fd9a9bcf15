import type { SelectHTMLAttributes } from "react";
import { controlClasses } from "./control";

type Option = { value: string; label: string };

/** A select in the shared control style; `options` (after any children, e.g. an empty choice) saves the usual map. */
export function Select({ className, options, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { options?: readonly Option[] }) {
  return (
    <select className={controlClasses(className)} {...props}>
      {children}
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
