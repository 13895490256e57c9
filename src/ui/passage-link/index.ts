/** A passage link (`#/read/<work>?at=<place>`) being followed: where the reader opens, or why it doesn't open there. */
import { useEffect, useState } from 'preact/hooks';
import { followLink, type LinkResult } from '../../annotations/open-link';
import { loadSection } from '../../content/catalogue';
import type { WorkInfo } from '../../content/types';
import { routeHash } from '../../state/router';

/** `pending` until the linked section is loaded and the place checked; `result` is null when there is no link. */
export function usePassageLink(work: WorkInfo | undefined, at: string | undefined): { pending: boolean; result: LinkResult | null } {
  const [state, setState] = useState<{ key: string; result: LinkResult } | null>(null);
  const key = work && at !== undefined ? `${work.id}?${at}` : '';
  useEffect(() => {
    if (!work || at === undefined) return;
    let live = true;
    void followLink(work, at, loadSection).then((result) => {
      if (!live) return;
      setState({ key, result });
      // Followed once: a reload opens at the reader's own (saved) place, not at the link again.
      history.replaceState(history.state, '', routeHash({ name: 'read', workId: work.id }));
    });
    return () => {
      live = false;
    };
  }, [key, work, at]);
  if (key === '') return { pending: false, result: null };
  return state?.key === key ? { pending: false, result: state.result } : { pending: true, result: null };
}
