/** Small facts about this device's data in the `meta` store (`{ key, value, updatedAt }`): when reading data was last exported. */
import type { StoreCore } from './core';
import type { MetaRecord } from './db';
import type { Checked } from './validate';
import type { ReadingStore } from './types';

const LAST_EXPORT = 'lastExportAt';

/** A stored `lastExportAt` fact: a positive, finite time. */
function checkTimeFact(raw: unknown): Checked<number> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not a record' };
  const value = (raw as Partial<MetaRecord>).value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return { ok: false, reason: 'value is not a time' };
  return { ok: true, value };
}

/**
 * The meta part of the store. These facts describe this device, so export and import leave
 * them out: a file brought in from elsewhere says nothing about when this device was saved.
 */
export function createMeta(core: StoreCore): Pick<ReadingStore, 'getLastExportAt' | 'noteExport'> {
  return {
    async getLastExportAt() {
      const held = core.pending.get(`meta:${LAST_EXPORT}`);
      const raw = held?.kind === 'record' ? held.value : await core.read((b) => b.getRecord('meta', LAST_EXPORT), undefined, 'meta', LAST_EXPORT);
      if (raw === undefined) return null;
      return core.checked(checkTimeFact(raw), 'meta', LAST_EXPORT) ?? null;
    },
    noteExport: (at) => core.write({ kind: 'record', store: 'meta', value: { key: LAST_EXPORT, value: at, updatedAt: at } }),
  };
}
