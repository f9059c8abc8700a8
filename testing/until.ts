// Test support: waits until a probe returns something (polling, as the replication works in the background).

/** The probe's first truthy answer; fails after `timeoutMs` (generous: the machine may be busy). */
export async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
