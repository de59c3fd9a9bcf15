/**
 * The demo borrower's published credentials (the seed creates this account; the landing page
 * shows them only when it exists). Not a secret: the account holds made-up data.
 */
export const DEMO_EMAIL = "demo@credit-health.local";
export const DEMO_PASSWORD = "demo-borrower-2025";

/** The demo's stored consent purpose; the privacy page shows it translated, like the sign-up one. */
export const DEMO_CONSENT_PURPOSE = "demo account with made-up data";
