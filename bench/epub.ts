/**
 * The side-by-side's books for foliate-js: each work the bench opens in Quire (the two bundled
 * works and the generated 1,000,000-word one, compiled by the same code the build uses) wrapped
 * as an EPUB 3, one XHTML file per Quire section, every block one element with its text escaped
 * as text. Writes `<out>/<work id>.epub` and prints JSON (ids, sections, bytes).
 * Bundled with rolldown and run by run.mjs: `node <bundle> <out dir>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { loadWorks } from '../build/works-plugin';
import type { Block, Section, Work } from '../src/content/types';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The element a block becomes: headings and the rest, as Quire's section view shows them. */
function blockXhtml(block: Block): string {
  const text = escape(block.text);
  switch (block.kind) {
    case 'heading':
      return `<h2>${text}</h2>`;
    case 'break':
      return '<hr/>';
    case 'marker':
    case 'end':
      return `<p class="${block.kind}">${text}</p>`;
    default:
      return `<p>${text}</p>`;
  }
}

function sectionXhtml(section: Section): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n` +
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">\n` +
    `<head><meta charset="utf-8"/><title>${escape(section.title)}</title></head>\n` +
    `<body>\n<section id="${escape(section.id)}">\n${section.blocks.map(blockXhtml).join('\n')}\n</section>\n</body>\n</html>\n`
  );
}

const fileOf = (section: Section): string => `text/s${String(section.index).padStart(4, '0')}.xhtml`;

function opf(work: Work): string {
  const title = escape(work.meta.addedByApp.displayTitle);
  const items = work.sections.map((s) => `<item id="s${s.index}" href="${fileOf(s)}" media-type="application/xhtml+xml"/>`).join('\n    ');
  const spine = work.sections.map((s) => `<itemref idref="s${s.index}"/>`).join('\n    ');
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:sha256:${work.sha256}</dc:identifier>
    <dc:title>${title}</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    ${items}
  </manifest>
  <spine>
    ${spine}
  </spine>
</package>
`;
}

function nav(work: Work): string {
  const entries = work.sections.map((s) => `<li><a href="${fileOf(s)}">${escape(s.title)}</a></li>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><meta charset="utf-8"/><title>Contents</title></head>
<body><nav epub:type="toc" id="toc"><h1>Contents</h1><ol>
${entries}
</ol></nav></body>
</html>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

/** The EPUB's bytes: `mimetype` first and stored, the rest deflated. */
export function toEpub(work: Work): Uint8Array {
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    'OEBPS/content.opf': strToU8(opf(work)),
    'OEBPS/nav.xhtml': strToU8(nav(work)),
  };
  for (const section of work.sections) files[`OEBPS/${fileOf(section)}`] = strToU8(sectionXhtml(section));
  return zipSync(files, { level: 6 });
}

const out = resolve(process.argv[2] ?? 'dist-bench/__foliate/books');
mkdirSync(out, { recursive: true });
const written = loadWorks(resolve('works'), true).map((work) => {
  const bytes = toEpub(work);
  writeFileSync(join(out, `${work.id}.epub`), bytes);
  return { id: work.id, sections: work.sections.length, words: work.words, bytes: bytes.length };
});
console.log(JSON.stringify(written));
