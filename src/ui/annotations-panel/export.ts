/** "Export as Markdown": this work's highlights and notes downloaded as one Markdown file (a Blob URL: nothing leaves the device). */
import { markdownFileName, markdownFor, type WorkForExport } from '../../annotations/markdown';
import type { Highlight } from '../../annotations/types';

/** Downloads a text file. */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The work's notes file, with links back to this copy of Quire. */
export function exportMarkdown(work: WorkForExport, highlights: readonly Highlight[]): void {
  download(markdownFileName(work.id), markdownFor(work, highlights, { appUrl: location.href, exportedAt: Date.now() }), 'text/markdown');
}
