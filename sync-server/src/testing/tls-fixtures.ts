// Test certificates: a self-signed one for 127.0.0.1 (openssl CLI) and an HTTPS GET that reports the certificate served.
import { execFileSync } from 'node:child_process';
import { get as httpsGet } from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';

/** A self-signed certificate for 127.0.0.1, made by the openssl command line. */
export function selfSigned(dir: string, name: string): { certFile: string; keyFile: string } {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  return { certFile, keyFile };
}

/** GET over HTTPS trusting only `ca`; resolves the status, body and the fingerprint of the certificate served. */
export function getTls(url: string, ca: Buffer): Promise<{ status: number; body: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    // A new agent per request: a reused TLS session would hide a certificate change.
    const req = httpsGet(url, { ca, agent: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, fingerprint }));
    });
    req.on('error', reject);
  });
}
