// Encrypts browser backups with WebCrypto AES-GCM; the envelope keeps its date readable so a list needs no key.
import { base64ToBytes, bytesToBase64 } from './base64';

export const backupEnvelopeFormat = 'liaison-backup';

export interface BackupEnvelope {
  format: typeof backupEnvelopeFormat;
  formatVersion: 1;
  createdAt: string;
  /** AES-GCM nonce, base64. */
  iv: string;
  /** Ciphertext with the GCM tag, base64. */
  data: string;
}

export class BackupCipherError extends Error {
  constructor(
    readonly code: 'backup_unreadable' | 'backup_key_missing',
    message: string,
  ) {
    super(message);
    this.name = 'BackupCipherError';
  }
}

/** A fresh 256-bit key, exported raw as base64 for storage. */
export async function generateBackupKey(): Promise<string> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  return bytesToBase64(raw);
}

function importKey(keyBase64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', base64ToBytes(keyBase64), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function encryptBackup(plaintext: string, keyBase64: string, createdAt: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await importKey(keyBase64);
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  const envelope: BackupEnvelope = {
    format: backupEnvelopeFormat,
    formatVersion: 1,
    createdAt,
    iv: bytesToBase64(iv),
    data: bytesToBase64(new Uint8Array(cipher)),
  };
  return JSON.stringify(envelope);
}

export function parseBackupEnvelope(text: string): BackupEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupCipherError('backup_unreadable', '备份文件已损坏，无法读取，请选择其他备份');
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { format?: unknown }).format !== backupEnvelopeFormat ||
    typeof (parsed as { iv?: unknown }).iv !== 'string' ||
    typeof (parsed as { data?: unknown }).data !== 'string' ||
    typeof (parsed as { createdAt?: unknown }).createdAt !== 'string'
  ) {
    throw new BackupCipherError('backup_unreadable', '这不是联络站的备份文件，请选择其他备份');
  }
  return parsed as BackupEnvelope;
}

export async function decryptBackup(text: string, keyBase64: string): Promise<string> {
  const envelope = parseBackupEnvelope(text);
  const key = await importKey(keyBase64);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(envelope.iv) },
      key,
      base64ToBytes(envelope.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new BackupCipherError('backup_unreadable', '备份无法解密（密钥不符或文件损坏），请选择其他备份');
  }
}
