import type { SelectHTMLAttributes } from "react";
import { controlClasses } from "./control";

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={controlClasses(className)} {...props} />;
}
