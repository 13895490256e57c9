/** Bookmarks, notices acknowledged, and reading-speed samples. */
import { isNewer } from './backend';
import { living } from '../annotations/tombstones';
import type { StoreCore } from './core';
import { bury, readTombstones } from './highlights';
import type { Bookmark, ReadingStore } from './types';
import { checkAcknowledgement, checkBookmark, checkSpeedSample } from './validate';

type Part = Pick<
  ReadingStore,
  'isAcknowledged' | 'acknowledge' | 'clearAcknowledgements' | 'addSpeedSample' | 'getSpeedSamples' | 'listBookmarks' | 'putBookmark' | 'deleteBookmark'
>;

/** The bookmarks-and-notices part of the store. */
export function createBookmarks(core: StoreCore): Part {
  return {
    async isAcknowledged(workId) {
      if (core.pending.get(`acknowledgement:${workId}`)) return true;
      const raw = await core.read((b) => b.getAcknowledgement(workId), undefined, 'acknowledgements', workId);
      // A damaged acknowledgement counts as none: the notice shows again, which is the safe side.
      return raw !== undefined && core.checked(checkAcknowledgement(raw), 'acknowledgements', workId) !== undefined;
    },

    acknowledge: (workId) => core.write({ kind: 'acknowledgement', value: { workId, updatedAt: core.now() } }),

    async clearAcknowledgements() {
      core.pending.drop((key) => key.startsWith('acknowledgement:'));
      await core.run((b) => b.clearAcknowledgements());
    },

    async addSpeedSample(sample) {
      const c = checkSpeedSample(sample);
      if (!c.ok) throw new TypeError(`Quire storage: not a valid speed sample: ${c.reason}`);
      await core.write({ kind: 'speedSample', value: c.value });
    },

    async getSpeedSamples() {
      const raws = await core.read((b) => b.getSpeedSamples(), [], 'speedSamples', '*');
      const held = core.pending.toMergeData().speedSamples;
      return [...raws, ...held].flatMap((raw, i) => core.checked(checkSpeedSample(raw), 'speedSamples', String(i)) ?? []);
    },

    async listBookmarks(workId) {
      const raws = await core.read((b) => b.listBookmarks(workId), [], 'bookmarks', workId);
      const byId = new Map<string, Bookmark>();
      for (const raw of raws) {
        const key = typeof raw === 'object' && raw !== null ? String((raw as { id?: unknown }).id) : '?';
        const bookmark = core.checked(checkBookmark(raw, core.works), 'bookmarks', key);
        if (bookmark) byId.set(bookmark.id, bookmark);
      }
      for (const held of core.pending.toMergeData().bookmarks) {
        if (held.workId === workId && isNewer(byId.get(held.id), held)) {
          const bookmark = core.checked(checkBookmark(held, core.works), 'bookmarks', held.id);
          if (bookmark) byId.set(bookmark.id, bookmark);
        }
      }
      return living('bookmark', [...byId.values()], await readTombstones(core)).sort((a, b) => a.createdAt - b.createdAt);
    },

    async putBookmark(bookmark) {
      const c = checkBookmark(bookmark);
      if (!c.ok) throw new TypeError(`Quire storage: not a valid bookmark: ${c.reason}`);
      await core.write({ kind: 'bookmark', value: c.value });
    },

    async deleteBookmark(id) {
      const held = core.pending.get(`bookmark:${id}`);
      core.pending.drop((key) => key === `bookmark:${id}`);
      // The tombstone first: if the delete then fails, reads still leave the bookmark out.
      await bury(core, 'bookmark', id, held?.kind === 'bookmark' ? held.value.workId : undefined, held?.kind === 'bookmark' ? held.value.updatedAt : 0);
      await core.run((b) => b.deleteBookmark(id));
    },
  };
}
