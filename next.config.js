/** @type {import('next').NextConfig} */
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets two builds live side by side (e.g. a benchmark build beside the end-to-end build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WASM and data files from its own package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg"],
};

export default withNextIntl(nextConfig);
