import { describe, expect, it } from 'vitest';
import { buries, living, mergeTombstones, planMerge, tombstoneFor, tombstoneId } from '../../../src/annotations/tombstones';

const rec = (id: string, updatedAt: number) => ({ id, updatedAt });

describe('tombstones', () => {
  it('are named <kind>:<recordId> and bury what was last changed at or before the deletion', () => {
    const stone = tombstoneFor('highlight', 'h1', 'making-it-work', 500);
    expect(stone).toEqual({ id: 'highlight:h1', kind: 'highlight', recordId: 'h1', workId: 'making-it-work', deletedAt: 500 });
    expect(tombstoneId('bookmark', 'b1')).toBe('bookmark:b1');
    expect(buries(stone, rec('h1', 400))).toBe(true);
    expect(buries(stone, rec('h1', 500))).toBe(true);
    expect(buries(stone, rec('h1', 600)), 'changed after the deletion (undo): alive').toBe(false);
    expect(buries(undefined, rec('h1', 1))).toBe(false);
  });

  it('merge to one per id, the latest deletion kept', () => {
    const a = [tombstoneFor('highlight', 'h1', 'w', 100), tombstoneFor('bookmark', 'b1', 'w', 300)];
    const b = [tombstoneFor('highlight', 'h1', 'w', 200), tombstoneFor('highlight', 'h2', 'w', 50)];
    expect(mergeTombstones(a, b)).toEqual([
      tombstoneFor('highlight', 'h1', 'w', 200),
      tombstoneFor('bookmark', 'b1', 'w', 300),
      tombstoneFor('highlight', 'h2', 'w', 50),
    ]);
  });
});

describe('planMerge', () => {
  it('an older export does not bring back what was deleted here', () => {
    const storedStones = [tombstoneFor('highlight', 'h1', 'w', 1000)];
    const plan = planMerge('highlight', [], [rec('h1', 900), rec('h2', 900)], storedStones, []);
    expect(plan.put).toEqual([rec('h2', 900)]);
    expect(plan.remove).toEqual([]);
    expect(plan.tombstones).toEqual(storedStones);
  });

  it('a deletion imported from another device removes the older copy here, and is kept', () => {
    const incomingStones = [tombstoneFor('bookmark', 'b1', 'w', 1000)];
    const plan = planMerge('bookmark', [rec('b1', 900), rec('b2', 900)], [], [], incomingStones);
    expect(plan.remove).toEqual(['b1']);
    expect(plan.put).toEqual([]);
    expect(plan.tombstones).toEqual(incomingStones);
  });

  it('a record changed after its deletion outlives the tombstone (undo, or an edit elsewhere)', () => {
    const stones = [tombstoneFor('highlight', 'h1', 'w', 1000)];
    expect(planMerge('highlight', [rec('h1', 1100)], [], [], stones).remove).toEqual([]);
    expect(planMerge('highlight', [], [rec('h1', 1100)], stones, []).put).toEqual([rec('h1', 1100)]);
  });

  it('otherwise the newer copy wins, and the same copy is not written again', () => {
    const plan = planMerge('highlight', [rec('h1', 500), rec('h2', 500)], [rec('h1', 600), rec('h2', 500), rec('h3', 1)], [], []);
    expect(plan.put).toEqual([rec('h1', 600), rec('h3', 1)]);
    expect(plan.remove).toEqual([]);
  });

  it('tombstones of one kind never bury records of the other', () => {
    const plan = planMerge('highlight', [rec('x', 1)], [rec('y', 1)], [tombstoneFor('bookmark', 'x', 'w', 9)], [tombstoneFor('bookmark', 'y', 'w', 9)]);
    expect(plan.put).toEqual([rec('y', 1)]);
    expect(plan.remove).toEqual([]);
  });

  it('a stored record newer than an incoming deletion stays, an older incoming copy is not put back', () => {
    const plan = planMerge('highlight', [rec('h1', 2000)], [rec('h1', 800)], [], [tombstoneFor('highlight', 'h1', 'w', 1000)]);
    expect(plan).toMatchObject({ put: [], remove: [] });
  });

  it('reads leave out records a tombstone buries', () => {
    const stones = [tombstoneFor('highlight', 'h1', 'w', 1000), tombstoneFor('bookmark', 'h2', 'w', 1000)];
    expect(living('highlight', [rec('h1', 900), rec('h2', 900), rec('h3', 1200)], stones)).toEqual([rec('h2', 900), rec('h3', 1200)]);
  });
});
