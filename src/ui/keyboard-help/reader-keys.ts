/** The reader's keyboard shortcuts, asked of its own key map (src/reader/input.ts), for the sheet. */
import { classifyKey, type ReaderAction } from '../../reader/input';
import { keyTable } from './key-table';

/** Words for every action: a new action without words fails the type check, so the sheet can't miss it. */
const ACTION_WORDS: Record<ReaderAction, string> = {
  next: 'Next page',
  prev: 'Previous page',
  bookmark: 'Bookmark this page, or remove its bookmark',
  controls: 'Show or hide the controls',
  library: 'Back to the library',
  readAloud: 'Read aloud, or pause reading aloud',
  help: 'These keyboard shortcuts',
};

/** The sheet's rows in paginated mode (↑ and ↓ scroll when scrolling), from the focus on the page. */
export const READER_KEYS = keyTable((press) => classifyKey(press, false, true), ACTION_WORDS);
