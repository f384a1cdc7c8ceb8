/**
 * The reader's public surface for other features (search, annotations, cross-references):
 *   PassageText          — the one component that renders passage text (decorations + markers)
 *   register*            — decoration sources, right-panel tabs, reader overlays (extensions.ts)
 *   useReader()          — ReaderApi inside the reader: doc, index, openPassage, openPanel, citation
 *   useCurrentPassageId() — the passage at the reading position (changes while scrolling)
 *   navigation           — app-level: openPassage(docId, passageId, range?) from anywhere
 *   selectionToPassageRanges / rangeToPassageRanges / pointToPassageOffset — DOM ↔ text offsets
 *   buildDocIndex        — section paths, paragraph numbers, citations for a bundle
 */
export { PassageText, type PassageTextProps } from './PassageText';
export {
  registerDecorationSource,
  registerPanelTab,
  registerReaderOverlay,
  type Decoration,
  type DecorationKind,
  type DecorationMap,
  type DecorationSource,
  type PanelProps,
  type PanelRequest,
  type PanelTab,
  type ReaderOverlay,
} from './extensions';
export { useCurrentPassageId, useReader, type ReaderApi } from './reader-context';
export { navigation, useNavigation, type TextRange } from '../../app/navigation';
export {
  pointToPassageOffset,
  rangeToPassageRanges,
  selectionToPassageRanges,
  type PassageRange,
} from './text-offsets';
export { buildDocIndex, headingLabel, type DocIndex } from './model/doc-index';
export { excerptWithCitation } from './model/citation-text';
