/** The content layer's public API. See ./README.md. */
export type { Block, BlockKind, Provenance, SectionInfo, Section, FromText, AddedByApp, WorkMeta, WorkInfo, Work } from './types';
export { catalogue, findWork, loadSection } from './catalogue';
export { ContentError, type ContentErrorCode } from './errors';
