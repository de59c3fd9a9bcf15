/**
 * What every private demo borrower (lib/demo/create.ts) stores as its consent purpose; the
 * privacy page shows it translated, like the sign-up one. There are no shared demo credentials.
 */
export const DEMO_CONSENT_PURPOSE = "demo account with made-up data";
