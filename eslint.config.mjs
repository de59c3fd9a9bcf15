import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next*/**", "data/**", "node_modules/**", "next-env.d.ts"] },
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
