/** Moving reading data between browsers on one device (Safari → the installed app) as a transfer code. See ./README.md. */
import type { ImportResult, ReadingStore } from '../storage/types';
import { decodeTransferCode, encodeTransferCode } from './code';

export { CODE_MESSAGES, transferSupported } from './code';
export { copyText, pasteText } from './clipboard';

/** The code for everything in `store` (after `beforeExport`, which writes what is still pending). */
export async function makeTransferCode(store: Pick<ReadingStore, 'exportData'>, beforeExport?: () => Promise<void>): Promise<string> {
  await beforeExport?.();
  return encodeTransferCode(await store.exportData());
}

/**
 * Checks a pasted code whole, then merges it like an imported file (newer wins, nothing
 * removed). A code that fails any check writes nothing and says why.
 */
export async function importTransferCode(store: Pick<ReadingStore, 'importData'>, text: string): Promise<ImportResult> {
  const decoded = await decodeTransferCode(text);
  if (!decoded.ok) return decoded;
  return store.importData(decoded.value);
}
