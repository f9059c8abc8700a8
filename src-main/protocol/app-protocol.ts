// Serves the renderer build (dist/renderer) over app://liaison/ with the CSP, refusing any path outside that folder.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { appHost, appScheme, contentSecurityPolicy } from '../security/security-policy';

export type ResolvedPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const refused = (status: 400 | 403 | 404, reason: string): ResolvedPath => ({ ok: false, status, reason });

/**
 * Maps an app:// URL to a file inside `root`. Refuses, before touching the disk: other hosts, encoded slashes or
 * backslashes, null bytes, `..` segments (plain or encoded), drive letters, colons and UNC paths.
 */
export function resolveAppPath(root: string, requestUrl: string): ResolvedPath {
  // Inspect the raw text first: URL parsing would silently normalise some of these tricks away.
  const rawPath = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  if (/%(00|2f|5c)/i.test(rawPath) || rawPath.includes('\\') || rawPath.includes('\0')) {
    return refused(400, 'encoded separator or null byte');
  }
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refused(400, 'malformed url');
  }
  if (url.protocol !== `${appScheme}:` || url.hostname !== appHost) return refused(403, 'foreign origin');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refused(400, 'malformed escape');
  }
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return refused(403, 'dot segment');
  if (/^\/*[a-z]:/i.test(decoded) || decoded.startsWith('//')) return refused(403, 'absolute path');
  if (decoded.includes('\0') || decoded.includes('\\')) return refused(400, 'separator or null byte');
  // Drive letters anywhere and NTFS alternate data streams (index.html::$DATA) have no place in an asset path.
  if (decoded.includes(':')) return refused(403, 'colon');

  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return refused(403, 'outside renderer');
  return { ok: true, file };
}

function headersFor(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

async function isFileInside(root: string, file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    // A symbolic link inside dist/renderer must not lead outside it either.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const inside = path.relative(realRoot, realFile);
    return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside);
  } catch {
    return false;
  }
}

/** The protocol handler's logic: a Response for a request to app://liaison/… (SPA routes fall back to index.html). */
export async function handleAppRequest(root: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('method not allowed', {
      status: 405,
      headers: { 'Content-Security-Policy': contentSecurityPolicy },
    });
  }
  const resolved = resolveAppPath(root, request.url);
  if (!resolved.ok) {
    return new Response(resolved.status === 404 ? 'not found' : 'refused', {
      status: resolved.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy },
    });
  }
  let file = resolved.file;
  if (!(await isFileInside(root, file))) {
    // Client-side routes (no extension) get the app; a missing asset is a 404.
    if (path.extname(file) !== '') {
      return new Response('not found', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy },
      });
    }
    file = path.join(path.resolve(root), 'index.html');
  }
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers: headersFor(file) });
}
