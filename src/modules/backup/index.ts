export { backup, BackupError, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, filesDir, type Manifest, type BackupResult } from './backup';
export { restore, checkManifest, type RestoreOptions, type RestoreResult } from './restore';
export { listTables, rowCounts, tableRows, dependencyOrder, appliedMigrations, type TableInfo } from './catalog';
