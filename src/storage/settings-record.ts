/** The settings record: one value, checked by the app's own validate function on read. */
import type { StoreCore } from './core';
import { errorName } from './idb-backend';
import type { ReadingStore } from './types';
import { checkSettingsRecord } from './validate';

/** The settings part of the store. */
export function createSettingsRecord(core: StoreCore): Pick<ReadingStore, 'getSettings' | 'putSettings'> {
  return {
    async getSettings<T>(validate: (raw: unknown) => T): Promise<T | undefined> {
      const held = core.pending.get('settings');
      const raw = held?.kind === 'settings' ? held.value : await core.read((b) => b.getSettings(), undefined, 'settings', 'current');
      if (raw === undefined) return undefined;
      const record = core.checked(checkSettingsRecord(raw), 'settings', 'current');
      if (!record) return undefined;
      try {
        return validate(record.value);
      } catch (error) {
        core.report({ store: 'settings', key: 'current', action: 'ignored', reason: `validate threw: ${errorName(error)}` });
        return undefined;
      }
    },

    putSettings: (value) => core.write({ kind: 'settings', value: { value, updatedAt: core.now() } }),
  };
}
