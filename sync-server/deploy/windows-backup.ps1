# 联络站同步服务器 daily backup on Windows (a scheduled task runs it, see sync-server/README.md "每日备份").
# A consistent copy while the server runs, kept 30 days; copy the folder off the machine too.
param(
  [string]$Program = 'C:\liaison-sync\dist\cli.js',
  [string]$DataDir = 'C:\ProgramData\liaison-sync\data',
  [string]$BackupDir = 'C:\ProgramData\liaison-sync\backups',
  [int]$KeepDays = 30
)
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $BackupDir | Out-Null
$out = Join-Path $BackupDir ("liaison-{0}.sqlite" -f (Get-Date -Format 'yyyy-MM-dd'))
$env:LS_LOG_LEVEL = 'warn'
& 'C:\Program Files\nodejs\node.exe' $Program backup --data $DataDir --out $out
if ($LASTEXITCODE -ne 0) { throw "backup failed with exit code $LASTEXITCODE" }
Get-ChildItem -Path $BackupDir -Filter 'liaison-*.sqlite' |
  Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-$KeepDays) } |
  Remove-Item
