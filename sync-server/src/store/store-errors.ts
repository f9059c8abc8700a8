// Failures a store reports when it opens, which the CLI turns into their own exit codes (cli/exit-codes.ts).

/** The database was written by a newer server (its schema version is above this build's): it must not be touched. */
export class StoreVersionError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`数据库结构为第 ${found} 版，本程序只支持到第 ${supported} 版：请升级同步服务器，或恢复与本版本匹配的备份`);
  }
}
