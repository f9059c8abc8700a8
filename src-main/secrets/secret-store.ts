// Secrets of the station (sync token, database key) in <userData>/secrets.json, each sealed by safeStorage.
import { readFile } from 'node:fs/promises';
import type { SecretName } from '../../src-shared/host/host-api';
import { writeFileAtomic } from '../atomic-file';
import type { StringProtector } from '../backup/backup-cipher';
import { HostError } from '../host-error';

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

interface SecretsFile {
  version: 1;
  /** Base64 of what safeStorage returned; never the plain value. */
  sealed: Partial<Record<SecretName, string>>;
}

export function createSecretStore(options: { file: string; protector: StringProtector }): SecretStore {
  const { file, protector } = options;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<SecretsFile> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, sealed: {} };
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<SecretsFile>;
      if (parsed.version === 1 && typeof parsed.sealed === 'object' && parsed.sealed !== null) {
        return { version: 1, sealed: parsed.sealed };
      }
    } catch {
      // reported below
    }
    throw new HostError('secret_store_corrupt', '本机保存的登录信息已损坏，请在设置中重新注册本联络站。');
  }

  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async get(name) {
      const sealed = (await load()).sealed[name];
      if (sealed === undefined) return null;
      try {
        return await protector.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        throw new HostError(
          'secret_unreadable',
          '本机保存的登录信息无法解密（可能更换了 Windows 账户），请在设置中重新注册本联络站。',
        );
      }
    },
    set(name, value) {
      return serialized(async () => {
        const content = await load();
        content.sealed[name] = (await protector.encryptString(value)).toString('base64');
        await writeFileAtomic(file, JSON.stringify(content));
      });
    },
    delete(name) {
      return serialized(async () => {
        const content = await load();
        if (!(name in content.sealed)) return;
        delete content.sealed[name];
        await writeFileAtomic(file, JSON.stringify(content));
      });
    },
  };
}
