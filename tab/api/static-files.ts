import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Negotiator from 'negotiator';
import type { Request, Response, Server } from 'restify';

/** Hosts allowed to frame the tab: Teams (web, desktop, government clouds) and Microsoft 365 / Outlook, nothing else. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.teams.cloud.microsoft',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/**
 * The tab's Content-Security-Policy: scripts only from this origin (no inline script), styles from
 * this origin plus the style elements Fluent UI's CSS-in-JS inserts at run time, connections to this
 * origin and to the CDN teams-js reads its list of valid Teams origins from, and framing only by
 * Teams and Microsoft 365.
 */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function securityHeaders(res: Response): void {
  res.header('Content-Security-Policy', TAB_CSP);
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.header('Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The project root (where package.json is), whether running from the sources or from dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the tab API');
    dir = parent;
  }
  return dir;
}

export const WEB_BUILD_DIR = () => join(projectRoot(), 'dist', 'tab-web');

/** Which precompressed copy of `file` to send (negotiated from Accept-Encoding, brotli preferred), if the build made one. */
function precompressed(file: string, req: Request): { name: 'br' | 'gzip'; file: string } | undefined {
  const available = (['br', 'gzip'] as const).filter((name) => existsSync(file + SUFFIX[name]));
  // On equal q-values the server's preference wins: brotli, then gzip, then none (negotiator 1.x takes
  // `preferred`; its published types predate it).
  const negotiate = new Negotiator(req) as Negotiator & { encoding(available: string[], options: { preferred: string[] }): string | undefined };
  const chosen = negotiate.encoding([...available, 'identity'], { preferred: ['br', 'gzip', 'identity'] });
  return chosen === 'br' || chosen === 'gzip' ? { name: chosen, file: file + SUFFIX[chosen] } : undefined;
}
const SUFFIX = { br: '.br', gzip: '.gz' } as const;

/**
 * Serves the built browser app under /tab/: hashed assets with a long cache, every other path the
 * single page (the app routes on the client), always with the security headers.
 */
export function registerStaticTab(server: Server, root = WEB_BUILD_DIR()): void {
  root = resolve(root);
  const send = async (req: Request, res: Response): Promise<void> => {
    securityHeaders(res);
    const relative = decodeURIComponent(req.path().replace(/^\/tab\/?/, ''));
    const candidate = normalize(join(root, relative));
    const inside = candidate.startsWith(resolve(root) + sep);
    // Source maps are never served: they would publish the sources.
    const isFile = inside && relative !== '' && extname(candidate) !== '.map' && existsSync(candidate) && statSync(candidate).isFile();
    if (extname(candidate) === '.map') {
      res.send(404, { error: { code: 'not-found', message: 'Not found.' } });
      return;
    }
    const file = isFile ? candidate : join(root, 'index.html');
    if (!existsSync(file)) {
      res.send(503, { error: { code: 'not-built', message: 'The tab has not been built: run npm run build.' } });
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', isFile && relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    // The build's precompressed copy, when the browser takes that encoding.
    const encoding = precompressed(file, req);
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding.name);
    res.writeHead(200);
    createReadStream(encoding?.file ?? file).pipe(res);
  };
  server.get('/tab', send);
  server.get('/tab/*', send);
}
