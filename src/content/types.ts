/** The Work model: what the build-time compiler produces from a text. See ./README.md. */

/** What a block is, as read from the source's layout. */
export type BlockKind = 'heading' | 'para' | 'break' | 'marker' | 'note' | 'end';

/**
 * One unit of the text. `text` is the source line exactly (trailing spaces,
 * straight or curly quotes and all); a `break` has the empty string.
 */
export interface Block {
  kind: BlockKind;
  text: string;
}

/** Where a piece of metadata comes from. */
export type Provenance = 'text' | 'app';

/** A section as listed in the catalogue (no blocks: those load on demand). */
export interface SectionInfo {
  id: string;
  /** 0-based position of the section in the work. */
  index: number;
  title: string;
  /** 'text' when the title is a heading line of the source, 'app' when this app named it. */
  titleSource: Provenance;
  /** Words in this section, counted as `wc -w` counts them. */
  words: number;
  /** Characters (UTF-16 code units) of all block texts in this section. */
  chars: number;
  /** Number of blocks in the section. */
  blockCount: number;
  /** Words in all earlier sections (for whole-work progress). */
  wordsBefore: number;
}

/** A section with its blocks, as loaded by `loadSection()`. */
export interface Section extends SectionInfo {
  blocks: Block[];
}

/** What the text itself says about the work. Nothing here is invented. */
export interface FromText {
  /** The title line of the source, or null when the source has none. */
  title: string | null;
  /** The first words of the first paragraph. */
  opening: string;
  /** Other facts the text states (e.g. that it follows another story). */
  notes: string[];
  /** Paragraph count as the source's format defines it: its non-empty lines (title, headings and markers included). */
  paragraphs: number;
  /** `wc -w` of the whole source file. */
  words: number;
}

/** What this app, the publisher of this reader, states about the work. */
export interface AddedByApp {
  /** The label the app shows as the title. */
  displayTitle: string;
  /** Why the display title is what it is, when the text gives none. */
  displayTitleNote?: string;
  fandom: string;
  relationship: string;
  characters: string[];
  tags: string[];
  contentNotes: string[];
  adult: boolean;
  /** Why the work is marked adult. */
  adultReason: string;
}

/** Both kinds of metadata, never mixed. */
export interface WorkMeta {
  fromText: FromText;
  addedByApp: AddedByApp;
}

/** A work as listed in the catalogue: metadata and section list, no text. */
export interface WorkInfo {
  id: string;
  /** SHA-256 of the source file, hex. */
  sha256: string;
  meta: WorkMeta;
  words: number;
  sections: SectionInfo[];
}

/** A whole work with every section's blocks (build time and tests only). */
export interface Work extends Omit<WorkInfo, 'sections'> {
  sections: Section[];
}
