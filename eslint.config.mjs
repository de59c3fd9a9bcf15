import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next*/**", "data/**", "node_modules/**", "next-env.d.ts"] },
  {
    // Routes call lib/ and render components/, never the other way round: actions live in
    // lib/actions, shared types in lib/. (lib/core's own rule below repeats this pattern.)
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app", "@/app/*", "**/app/*"], message: "components/ and lib/ must not import from app/: move what you need into lib/." }] }],
    },
  },
  {
    // The rule core stays pure TypeScript: the same answer from every page, the API and the CLI.
    files: ["lib/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/core must not depend on Next.js or React." },
            { group: ["@prisma/*", "prisma", "@/lib/generated/*", "@/lib/db", "@/lib/db/*", "@/lib/data/*"], message: "lib/core must not depend on Prisma or the data layer." },
            { group: ["next-auth", "next-auth/*", "@/lib/auth", "@/lib/auth/*"], message: "lib/core must not depend on next-auth." },
            { group: ["@/app/*", "@/components/*", "../../app/*"], message: "lib/core must not depend on the UI." },
          ],
        },
      ],
    },
  },
];

export default config;
