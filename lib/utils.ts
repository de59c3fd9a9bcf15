/** Class names joined, falsy ones left out: `cn("a", pending && "opacity-60", className)`. */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
