/**
 * The Content-Security-Policy the built docs app is served with (`vite preview` sets it; set the
 * same on any static server). The pages run under a strict policy: scripts and styles only from
 * this origin (no inline script or style, no eval), MSW's service worker from this origin too.
 *
 * Two scripts need `'unsafe-eval'`, because the mock backend validates requests against the
 * contract with Ajv, which compiles validators with `new Function`: the billing page's backend
 * worker (the mock stands in for a server there, outside the page) and the API explorer, whose
 * page drives the mock directly (test clock, members, faults).
 */
const strict = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const withEval = strict.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'");

/** The policy for a request path of the built app. */
export function contentSecurityPolicy(path: string): string {
  const pathname = path.split('?')[0] ?? '';
  return /\/api-explorer(\.html)?$/.test(pathname) || /\/backend\.worker-[\w-]+\.js$/.test(pathname)
    ? withEval
    : strict;
}

export const strictContentSecurityPolicy = strict;
