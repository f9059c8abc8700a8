// The CLI's help texts, Chinese first with English: the overview and one page per command (`<command> --help`).
import type { ConfigFlags } from '../config';
import { exitCodes } from './exit-codes';

/** One setting of `serve`: its flag, its LS_* variable, and what it does. */
export interface ServeSetting {
  flag: string;
  arg: string;
  key: keyof ConfigFlags;
  env: string;
  zh: string;
  en: string;
  fallback: string;
}

/** Every setting `serve` takes, as flag and environment variable (the flag wins). The README's table lists them too. */
export const serveSettings: readonly ServeSetting[] = [
  {
    flag: 'data',
    arg: 'DIR',
    key: 'data',
    env: 'LS_DATA_DIR',
    zh: '数据目录（存放 liaison.sqlite）',
    en: 'data folder (holds liaison.sqlite)',
    fallback: './.data/server',
  },
  {
    flag: 'database',
    arg: 'URL',
    key: 'database',
    env: 'LS_DATABASE_URL',
    zh: 'PostgreSQL 数据库 postgres://用户:密码@主机:5432/库名（多个实例共用）；不设 = 数据目录中的 SQLite',
    en: 'a PostgreSQL database shared by several instances; unset = SQLite in the data folder',
    fallback: '—（SQLite）',
  },
  {
    flag: 'port',
    arg: 'N',
    key: 'port',
    env: 'LS_PORT',
    zh: '监听端口，0 = 任一空闲端口',
    en: 'port; 0 = any free one',
    fallback: '8787',
  },
  {
    flag: 'host',
    arg: 'ADDR',
    key: 'host',
    env: 'LS_HOST',
    zh: '监听地址；0.0.0.0 = 所有网卡',
    en: 'address to listen on; 0.0.0.0 = every interface',
    fallback: '127.0.0.1',
  },
  {
    flag: 'static-dir',
    arg: 'DIR',
    key: 'staticDir',
    env: 'LS_STATIC_DIR',
    zh: '给县级工作人员的网页端（npm run build 生成的 dist/renderer）；空 = 不提供',
    en: 'renderer build served to county staff; empty = none',
    fallback: 'dist/renderer（若有）',
  },
  {
    flag: 'cors-origin',
    arg: 'URL',
    key: 'corsOrigin',
    env: 'LS_CORS_ORIGIN',
    zh: '另外允许跨域访问的来源（桌面端 app://liaison 总是允许）',
    en: 'one more origin allowed by CORS (app://liaison always is)',
    fallback: '—',
  },
  {
    flag: 'stale-days',
    arg: 'N',
    key: 'staleDays',
    env: 'LS_STALE_DAYS',
    zh: '同步情况报表：几天未同步算“超期未同步”（1–365）',
    en: 'sync report: days without a sync that make a station stale',
    fallback: '7',
  },
  {
    flag: 'log-level',
    arg: 'LEVEL',
    key: 'logLevel',
    env: 'LS_LOG_LEVEL',
    zh: '日志级别：fatal error warn info debug trace silent',
    en: 'log level',
    fallback: 'info',
  },
  {
    flag: 'body-limit',
    arg: 'BYTES',
    key: 'bodyLimit',
    env: 'LS_BODY_LIMIT',
    zh: '请求体上限（字节，照片以 base64 同步）',
    en: 'largest request body in bytes',
    fallback: '8388608',
  },
  {
    flag: 'auth-rate-max',
    arg: 'N',
    key: 'authRateMax',
    env: 'LS_AUTH_RATE_MAX',
    zh: '每个 IP 在时间窗内可尝试注册、登录的次数',
    en: 'enrol/login attempts per client IP per window',
    fallback: '10',
  },
  {
    flag: 'auth-rate-window-ms',
    arg: 'MS',
    key: 'authRateWindowMs',
    env: 'LS_AUTH_RATE_WINDOW_MS',
    zh: '上述限制的时间窗（毫秒）',
    en: 'that window in milliseconds',
    fallback: '60000',
  },
  {
    flag: 'trust-proxy',
    arg: 'ADDRS',
    key: 'trustProxy',
    env: 'LS_TRUST_PROXY',
    zh: '反向代理的地址或网段（逗号分隔，如 127.0.0.1、loopback），只信任它们发来的 X-Forwarded-*',
    en: 'reverse proxies whose X-Forwarded-* headers are believed',
    fallback: 'off',
  },
  {
    flag: 'tls-cert',
    arg: 'FILE',
    key: 'tlsCert',
    env: 'LS_TLS_CERT',
    zh: 'HTTPS 证书（PEM，含中间证书）；与 --tls-key 一起用',
    en: 'HTTPS certificate chain (PEM), with --tls-key',
    fallback: '—（HTTP）',
  },
  {
    flag: 'tls-key',
    arg: 'FILE',
    key: 'tlsKey',
    env: 'LS_TLS_KEY',
    zh: 'HTTPS 私钥（PEM）',
    en: 'HTTPS private key (PEM)',
    fallback: '—',
  },
];

const program = 'liaison-sync';

const commonOptions = `通用选项 Common options:
  --data DIR     数据目录 / data folder [LS_DATA_DIR]，默认 default ./.data/server
                 （相对路径按执行命令的目录解析 / relative to where the command runs）
  --database URL PostgreSQL 数据库 / a PostgreSQL database [LS_DATABASE_URL]（含密码，宜用环境变量
                 it holds a password: prefer the variable），不设则用数据目录中的 SQLite / unset: SQLite
  --json         以 JSON 输出到标准输出 / JSON on standard output
  -h, --help     本帮助 / this help`;

const exitCodeLines = `退出码 Exit codes:
  ${exitCodes.ok} 成功 ok · ${exitCodes.failure} 运行失败或被拒绝 failed/refused · ${exitCodes.usage} 用法或配置错误 usage/configuration error
  ${exitCodes.storageUnavailable} 存储不可用 storage unavailable · ${exitCodes.storeTooNew} 数据库版本比本程序新 database newer than this server
  ${exitCodes.cannotListen} 无法监听端口 cannot listen (port in use / not allowed)`;

function settingLines(): string {
  const rows = serveSettings.map((s) => {
    const flag = `--${s.flag} ${s.arg}`.padEnd(26);
    return `  ${flag}${s.zh}\n  ${''.padEnd(26)}${s.en} [${s.env}]，默认 default ${s.fallback}`;
  });
  return rows.join('\n');
}

export const overviewHelp = `联络站同步服务器 Liaison Station sync server

用法 Usage: ${program} <命令 command> [选项 options]
  构建后 built:  node sync-server/dist/cli.js <命令>（或 npm 安装的 ${program}）
  开发时 source: npm run server -- <命令>

命令 Commands:
  serve          启动服务器 / run the server
  demo           载入来宾市演示数据 / load the Laibin demo data
  counties       县(市、区)：list、add / county areas
  stations       联络站：list、import / stations
  enroll         签发一次性注册码 / issue a one-time enrolment code
  revoke         吊销联络站的同步凭证 / revoke a station's tokens
  staff          县级账号：add / county staff accounts
  sync-status    各站最近同步与心跳 / last sync and heartbeat per station
  report         报表：sync、work / reports
  backup         备份（服务器运行时也可）/ back up (also while serving)
  restore        从备份恢复（须先停止服务器）/ restore (server stopped)
  migrate-store  把一个县的 SQLite 数据迁入 PostgreSQL / move a county's SQLite file into PostgreSQL

每个命令的帮助 Help for a command: ${program} <命令> --help

${commonOptions}

${exitCodeLines}
`;

export const commandHelp: Record<string, string> = {
  serve: `${program} serve — 启动同步服务器 / run the sync server

用法 Usage: ${program} serve [选项 options]

启动后在标准输出打印地址（如 http://127.0.0.1:8787），日志（pino JSON）写到标准错误；
SIGTERM 或 Ctrl-C 停止，SIGHUP 重新读取 HTTPS 证书。
Prints its URL on stdout, logs (pino JSON) on stderr; SIGTERM/Ctrl-C stops it, SIGHUP reloads the certificate.

选项 Options（方括号内为环境变量，选项优先 / environment variable in brackets; the flag wins）:
${settingLines()}

只能用环境变量 Environment only:
  LS_METRICS_TOKEN          读取 /metrics 的令牌（至少 16 个字符）；不设则只允许本机直接访问
                            bearer token for /metrics; unset: only direct requests from this machine

运维地址 Operations: /healthz（存活 liveness）、/readyz（存储可读写 storage ready）、/metrics（Prometheus）

${exitCodeLines}
`,
  demo: `${program} demo — 载入来宾市演示数据 / load the Laibin demo data

用法 Usage: ${program} demo [--enroll-station ID] [--enrolment-out FILE] [--server-url URL]
                    [--sample-records [--reference-date 年-月-日]] [--json]

  载入 6 个县区、乡镇、联络站、代表、承办单位和县级演示账号（可重复执行）。
  Loads counties, townships, stations, representatives, departments and demo staff accounts (idempotent).
  --enroll-station ID    为该站直接签发同步凭证，写入 JSON 文件 / issue a station token into a file
  --enrolment-out FILE   该文件（默认 <数据目录>/demo-enrolment.json）/ that file
  --server-url URL       写入文件的服务器地址 / server URL written into it
  --sample-records       另载入象州县近 4 个月的演示记录 / also sample records of 象州县
  --reference-date 日期  演示记录相对的日期（默认今天）/ their reference date (default today)

${commonOptions}
`,
  counties: `${program} counties — 县(市、区) / county areas

用法 Usage:
  ${program} counties list [--json]               列出 / list
  ${program} counties add --id ID --name 名称     新增或改名 / add or rename

${commonOptions}
`,
  stations: `${program} stations — 联络站 / stations

用法 Usage:
  ${program} stations list [--county ID] [--json]   列出 / list
  ${program} stations import FILE [--json]          从 CSV 或 XLSX 导入 / import from CSV or XLSX

  导入表头 Headers: 站点名称 类型 县(市、区) 乡镇(街道) 简称 地址 是否示范点（示范带可选）。
  CSV 可为 UTF-8 或 GBK/GB18030（自动识别）；全部成功或全部不导入，错误按行号列出。
  CSV in UTF-8 or GBK/GB18030 (detected); all rows or none, errors by row number.

${commonOptions}
`,
  enroll: `${program} enroll — 签发一次性注册码 / issue a one-time enrolment code

用法 Usage: ${program} enroll --station ID [--json]

  注册码形如 XXXX-XXXX，7 天内有效，只能使用一次；打印到标准输出。
  A code XXXX-XXXX, valid 7 days, single use; printed on stdout.

${commonOptions}
`,
  revoke: `${program} revoke — 吊销联络站的同步凭证 / revoke a station's tokens

用法 Usage: ${program} revoke --station ID [--json]

  吊销该站全部同步凭证及未使用的注册码；已连接的推送流随之断开。
  Revokes every token and unused code of the station; its open streams end.

${commonOptions}
`,
  staff: `${program} staff — 县级账号 / county staff accounts

用法 Usage: echo 密码 | ${program} staff add --county ID --user 用户名 --password-stdin

  密码从标准输入读取，不出现在命令历史中。/ The password comes from stdin, never the command line.

${commonOptions}
`,
  'sync-status': `${program} sync-status — 各站最近同步与心跳 / last sync and heartbeat per station

用法 Usage: ${program} sync-status [--county ID] [--json]

${commonOptions}
`,
  report: `${program} report — 报表 / reports

用法 Usage:
  ${program} report sync --county ID [--stale-days N] [--format json|csv|xlsx] [--out FILE]
      同步情况报表 / sync report（--stale-days，否则 else LS_STALE_DAYS，否则 else 7）
  ${program} report work --county ID [--from 日期] [--to 日期] [--township ID | --station ID]
                         [--format json|csv|xlsx] [--out FILE]
      工作报表，日期为 年-月-日（北京时间），默认本年 1 月 1 日至今天
      work report, dates YYYY-MM-DD (Beijing time), default 1 January → today

  不带 --out 时 JSON、CSV 输出到标准输出；XLSX 必须用 --out。
  Without --out, JSON and CSV go to stdout; XLSX needs --out.

${commonOptions}
`,
  backup: `${program} backup — 备份 / back up

用法 Usage: ${program} backup --out FILE [--json]

  一致的完整副本，服务器运行时也可执行（SQLite VACUUM INTO）。PostgreSQL 数据库请用 pg_dump。
  A consistent copy of the whole store, safe while the server runs. For PostgreSQL use pg_dump.

${commonOptions}
`,
  restore: `${program} restore — 从备份恢复 / restore a backup

用法 Usage: ${program} restore --from FILE [--json]

  须先停止服务器；原数据库保留为 liaison.sqlite.before-restore-<时间>。
  Stop the server first; the replaced database is kept as liaison.sqlite.before-restore-<time>.
  只用于 SQLite；PostgreSQL 请用 pg_restore。/ SQLite only; for PostgreSQL use pg_restore.

${commonOptions}
`,
  'migrate-store': `${program} migrate-store — 把一个县的 SQLite 数据迁入 PostgreSQL / move a county into PostgreSQL

用法 Usage: ${program} migrate-store --from FILE --to postgres://用户:密码@主机:5432/库名 [--json]

  须先停止使用该文件的服务器。在一个事务中复制全部数据，逐表、逐数据集核对条数（SQLite 与 PostgreSQL），
  不一致则全部撤销、不写入任何数据，以退出码 1 结束。之后用 --database / LS_DATABASE_URL 启动服务器。
  Stop the server using the file first. Copies everything in one transaction and checks the counts per table and
  per collection; any difference rolls it all back (exit 1). Then start the servers with --database.

${commonOptions}
`,
};
