// The app:// protocol serves only files of the renderer build, with the CSP, and refuses path traversal.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../security/security-policy';
import { handleAppRequest, resolveAppPath } from './app-protocol';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'ls-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>人大代表联络站</title>');
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
  await writeFile(path.join(root, 'assets', '接待日.png'), 'png');
  // A secret beside the renderer folder, which no request may reach.
  await writeFile(path.join(base, 'secrets.json'), '{"syncToken":"x"}');
  await symlink(path.join(base, 'secrets.json'), path.join(root, 'assets', 'link.json'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolving app:// paths', () => {
  it('maps paths inside the renderer build', () => {
    expect(resolveAppPath(root, 'app://liaison/assets/index-abc123.js?v=1#x')).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'index-abc123.js'),
    });
    expect(resolveAppPath(root, 'app://liaison/')).toEqual({ ok: true, file: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://liaison/assets/%E6%8E%A5%E5%BE%85%E6%97%A5.png')).toMatchObject({ ok: true });
  });

  it.each([
    'app://liaison/../secrets.json',
    'app://liaison/assets/../../secrets.json',
    'app://liaison/%2e%2e/secrets.json',
    'app://liaison/%2E%2E%2Fsecrets.json',
    'app://liaison/assets/%2e%2e%2f%2e%2e%2fsecrets.json',
    'app://liaison/..%5csecrets.json',
    'app://liaison/..\\secrets.json',
    'app://liaison/index.html%00.png',
    'app://liaison//etc/passwd',
    'app://liaison/C:/Windows/win.ini',
    'app://liaison/%43:%5cWindows%5cwin.ini',
    'app://liaison/%ZZ',
    'app://liaison/index.html::$DATA',
    'app://liaison/assets/x%3a..%3a..%3asecrets.json',
    'app://other-host/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toMatchObject({ ok: false });
  });

  it('decodes only once: a doubly encoded `..` is a harmless name inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://liaison/%252e%252e/secrets.json')).toEqual({
      ok: true,
      file: path.join(root, '%2e%2e', 'secrets.json'),
    });
  });
});

describe('serving app:// requests', () => {
  it('serves the page with the content security policy and a content type', async () => {
    const response = await handleAppRequest(root, { url: 'app://liaison/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('人大代表联络站');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handleAppRequest(root, { url: 'app://liaison/assets/index-abc123.js', method: 'GET' });
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers client-side routes with the app and missing assets with 404', async () => {
    const route = await handleAppRequest(root, { url: 'app://liaison/opinions/01HX', method: 'GET' });
    expect(await route.text()).toContain('人大代表联络站');
    const missing = await handleAppRequest(root, { url: 'app://liaison/assets/missing.js', method: 'GET' });
    expect(missing.status).toBe(404);
  });

  it('refuses traversal and symbolic links leading outside', async () => {
    const traversal = await handleAppRequest(root, { url: 'app://liaison/%2e%2e/secrets.json', method: 'GET' });
    expect(traversal.status).toBeGreaterThanOrEqual(400);
    expect(await traversal.text()).not.toContain('syncToken');
    const link = await handleAppRequest(root, { url: 'app://liaison/assets/link.json', method: 'GET' });
    expect(link.status).toBe(404);
    expect(await link.text()).not.toContain('syncToken');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handleAppRequest(root, { url: 'app://liaison/index.html', method: 'POST' });
    expect(response.status).toBe(405);
  });
});
