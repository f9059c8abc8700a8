// Encryption of backup files: AES-256-GCM with a random key that is itself protected by Electron's safeStorage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-file';
import { HostError } from '../host-error';

/** Encrypts bytes; `associated` is authenticated but not encrypted (the file header). */
export interface BackupCipher {
  encrypt(plain: Uint8Array, associated: Uint8Array): Buffer;
  decrypt(sealed: Uint8Array, associated: Uint8Array): Buffer;
}

/** What safeStorage offers (tests pass a stand-in). */
export interface StringProtector {
  encryptString(plain: string): Promise<Buffer>;
  decryptString(sealed: Buffer): Promise<string>;
}

const ivLength = 12;
const tagLength = 16;

export function createAesGcmCipher(key: Uint8Array): BackupCipher {
  if (key.length !== 32) throw new Error('backup key must be 32 bytes');
  return {
    encrypt(plain, associated) {
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(associated);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed, associated) {
      if (sealed.length < ivLength + tagLength) throw new Error('sealed data too short');
      const data = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, ivLength));
      decipher.setAAD(associated);
      decipher.setAuthTag(data.subarray(ivLength, ivLength + tagLength));
      return Buffer.concat([decipher.update(data.subarray(ivLength + tagLength)), decipher.final()]);
    },
  };
}

/**
 * The backup key, created once and kept next to the backups, sealed with safeStorage (DPAPI on Windows),
 * so a copied backup folder is useless on another machine or Windows account.
 */
export async function loadOrCreateBackupKey(keyFile: string, protector: StringProtector): Promise<Buffer> {
  let sealed: Buffer | null = null;
  try {
    sealed = await readFile(keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (sealed) {
    try {
      const key = Buffer.from(await protector.decryptString(sealed), 'base64');
      if (key.length === 32) return key;
    } catch {
      // fall through to the refusal below
    }
    // Never replace an unreadable key: that would make every existing backup unreadable for good.
    throw new HostError(
      'backup_key_unreadable',
      '备份密钥无法解密（可能更换了 Windows 账户或重装了系统），请用原来的 Windows 账户登录后重试，或联系县人大常委会。',
    );
  }
  const key = randomBytes(32);
  await writeFileAtomic(keyFile, await protector.encryptString(key.toString('base64')));
  return key;
}
