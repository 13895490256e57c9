/** The clipboard bridge: puts a text on the clipboard that is still being made when the reader taps. */

/**
 * Copies `text` (a promise, so the work can start inside the tap). Safari allows a clipboard
 * write only during the tap itself, so a ClipboardItem holding the promise is handed over at
 * once; elsewhere, or if that is refused, writeText once the text is ready. Never throws.
 */
export async function copyText(text: Promise<string>, clipboard: Clipboard | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
  if (!clipboard) return false;
  if (typeof ClipboardItem === 'function' && typeof clipboard.write === 'function') {
    try {
      const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
      await clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return true;
    } catch {
      // Some browsers want a Blob, not a promise of one: fall through to writeText.
    }
  }
  try {
    await clipboard.writeText(await text);
    return true;
  } catch {
    return false;
  }
}

/** Reads the clipboard's text (Safari shows its "Paste" button first); null when not allowed. */
export async function pasteText(clipboard: Clipboard | undefined = globalThis.navigator?.clipboard): Promise<string | null> {
  try {
    return (await clipboard?.readText()) ?? null;
  } catch {
    return null;
  }
}
