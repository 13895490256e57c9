import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/storage/store';
import { channelName, freshIdb, problems, rawOpen, works } from './helpers';

describe('meta: lastExportAt', () => {
  it('is null until an export is noted, then kept across a reopen', async () => {
    const idb = freshIdb();
    const store = await openStore({ works, indexedDB: idb, channelName: channelName() });
    expect(await store.getLastExportAt()).toBeNull();
    await store.noteExport(1_700_000_000_000);
    expect(await store.getLastExportAt()).toBe(1_700_000_000_000);
    store.close();
    const again = await openStore({ works, indexedDB: idb, channelName: channelName() });
    expect(await again.getLastExportAt()).toBe(1_700_000_000_000);
    again.close();
  });

  it('ignores a damaged record (reported, read as never)', async () => {
    const idb = freshIdb();
    const first = await openStore({ works, indexedDB: idb, channelName: channelName() });
    first.close();
    const db = await rawOpen(idb, 3);
    await db.put('meta', { key: 'lastExportAt', value: 'yesterday', updatedAt: 1 });
    db.close();
    const seen = problems();
    const store = await openStore({ works, indexedDB: idb, channelName: channelName(), onProblem: seen.onProblem });
    expect(await store.getLastExportAt()).toBeNull();
    expect(seen.list).toEqual([expect.objectContaining({ store: 'meta', key: 'lastExportAt', action: 'ignored' })]);
    store.close();
  });

  it('stays on this device: an export does not carry it, an import does not change it', async () => {
    const from = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await from.noteExport(5_000);
    const file = await from.exportData();
    expect(JSON.stringify(file)).not.toContain('lastExportAt');
    const to = await openStore({ works, indexedDB: freshIdb(), channelName: channelName() });
    await to.noteExport(9_000);
    expect((await to.importData(file)).ok).toBe(true);
    expect(await to.getLastExportAt()).toBe(9_000);
    from.close();
    to.close();
  });
});
