// The site's Content Security Policy, in one place: the post-build hook writes it into
// dist/index.html as a <meta> tag, scripts/serve.mjs sends it as a header, and docs/security.md's
// copy is checked against it by tests/e2e/csp.test.mjs. Why each directive is as it is: docs/security.md.

/** Directive → sources. Everything not named here falls back to default-src 'none'. */
export const DIRECTIVES = [
  ['default-src', "'none'"],
  // The app's own files only. 'wasm-unsafe-eval' lets the page compile its WebAssembly (the
  // narrowest keyword that allows it); it does not allow eval() or new Function().
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // Stylesheets from the site only, no <style> elements, no style="" attributes.
  ['style-src', "'self'"],
  // The favicon; blob: for the PNG download (the chart's SVG, as a blob, drawn on a canvas via an
  // image). No data: — the PNG leaves as a data: URL through a download link, not an image.
  ['img-src', "'self' blob:"],
  // The data files, the map and the wasm are fetched from the site; local files are read with
  // File APIs, never fetched.
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

const join = (directives) => directives.map(([d, s]) => `${d} ${s}`).join('; ');

/** The policy as a <meta http-equiv> can carry it (no frame-ancestors: browsers ignore it there). */
export const META_POLICY = join(DIRECTIVES);

/**
 * The same policy as an HTTP header, plus `frame-ancestors`: which origins may show the site in
 * a frame (the embed). Only a header can say that. `ancestors` is a source list such as
 * "'self' https://www.example.nl", or "'none'" for a site that is never embedded.
 */
export function headerPolicy(ancestors) {
  if (!ancestors || /[;,\r\n]/.test(ancestors)) throw new Error(`frame-ancestors: bad source list ‘${ancestors}’`);
  return join([...DIRECTIVES, ['frame-ancestors', ancestors]]);
}
