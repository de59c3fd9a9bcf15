// `server-only` throws outside React Server Components; vitest runs plain Node, where the guard
// has nothing to protect, so tests resolve it to this empty module.
export {};
