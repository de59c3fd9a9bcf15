import type { TextareaHTMLAttributes } from "react";
import { controlClasses } from "./control";

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={controlClasses(className)} {...props} />;
}
