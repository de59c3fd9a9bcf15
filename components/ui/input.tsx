import type { InputHTMLAttributes } from "react";
import { controlClasses } from "./control";

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={controlClasses(className)} {...props} />;
}
