// @ts-check
/** The Content-Security-Policy the app is built for, defined once: read by the build (csp.ts) and the server (scripts/serve.mjs). */

/** Nothing but the app's own origin, no inline script or style. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
