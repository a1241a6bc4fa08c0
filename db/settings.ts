import { withDefaults, type OfficeSettings, type SettingKey } from '../core/settings.js';
import type { Db } from './database.js';

/** Office configuration stored as JSON values, typed by the registry in core/settings.ts. */
export class SettingsRepository {
  private readonly read;
  private readonly write;

  constructor(db: Db) {
    this.read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.write = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /** The setting's value, its defaults filling what the stored value lacks. */
  get<K extends SettingKey>(key: K): OfficeSettings[K] {
    const row = this.read.get(key);
    return withDefaults(key, row ? (JSON.parse(row.value) as unknown) : undefined);
  }

  set<K extends SettingKey>(key: K, value: OfficeSettings[K]): void {
    this.write.run(key, JSON.stringify(value));
  }
}
