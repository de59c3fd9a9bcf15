/**
 * The demo borrower's published credentials (the seed creates this account; the landing page
 * shows them only when it exists). Not a secret: the account holds made-up data.
 */
export const DEMO_EMAIL = "demo@credit-health.local";
export const DEMO_PASSWORD = "demo-borrower-2025";
