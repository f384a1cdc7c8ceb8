/** Plain records shared by main, CLI and renderer. Field names match `yandu export --json`. */

/** 国家 / 省 / 市 / 区 (or 县), plus the party and State Council documents that have no region. */
export type DocumentLevel = 'national' | 'province' | 'city' | 'district' | 'unknown';

export interface DocumentSummary {
  id: string;
  title: string;
  issuer: string | null;
  /** ISO date `YYYY-MM-DD`, or null when the text does not say. */
  date: string | null;
  year: number | null;
  level: DocumentLevel;
  /** The place the issuer speaks for (`厦门市湖里区`), null for national documents. */
  region: string | null;
  passages: number;
  glossary: number;
  measures: number;
  annotations: number;
  importedAt: string;
}

export interface DocumentMeta {
  id: string;
  title: string;
  issuer: string | null;
  date: string | null;
  /** The year the document plans for (a report delivered in December for the next year says that year). */
  year: number | null;
  level: DocumentLevel;
  region: string | null;
  /** 索引号 of the publishing site, when the page carried one. */
  indexNumber: string | null;
  speaker: string | null;
  /** The meeting line, e.g. `2020年12月29日在湖里区第八届人民代表大会第五次会议上`. */
  meeting: string | null;
  sourceFile: string | null;
  sourceFormat: string | null;
  contentHash: string;
  edition: number;
  importedAt: string;
}

export interface Section {
  id: string;
  parentId: string | null;
  /** 1 = `一、` part, 2 = `（一）` section, 3 = a deeper list such as `1.` when a document uses one. */
  level: number;
  /** The numeral as written without its punctuation: `三`, `二`. */
  label: string;
  title: string;
  ordinal: number;
}

/** body = the report itself; appendix = material after it (附件 lists, 民生实事) that is not a report section. */
export type PassageKind = 'body' | 'appendix';

export interface Passage {
  id: string;
  sectionId: string | null;
  ordinal: number;
  /** The run-in lead phrase (`硬核举措“防扩散”`) without its closing `。`, or null. */
  lead: string | null;
  /** The whole paragraph, footnote markers removed. */
  text: string;
  kind: PassageKind;
  /** Set when the passage was read by OCR from a scan or photo. */
  ocr?: PassageOcr;
}

/** How sure OCR was of a passage: the mean character confidence and the lines worth checking. */
export interface PassageOcr {
  /** 0–1. */
  confidence: number;
  /** [start, end) offsets in `text` of lines read with low confidence. */
  low: [number, number][];
}

export interface GlossaryEntry {
  id: string;
  number: number | null;
  term: string;
  definition: string;
}

/** A place in a passage that refers to a glossary entry: an inline marker, or (in documents without markers) a mention of the term. */
export interface FootnoteRef {
  passageId: string;
  /** Index in `Passage.text` where the marker stood (or where the mention ends). */
  offset: number;
  glossaryId: string;
  /** `marker` = a numbered marker removed from the text; `mention` = the term found in the text. */
  source: 'marker' | 'mention';
}

export type MeasureKind = 'task' | 'indicator';
export type MeasureStatus = 'actual' | 'target';

export interface Measure {
  id: string;
  passageId: string;
  kind: MeasureKind;
  /** Task: its lead phrase. Indicator: the indicator phrase as written (`地区生产总值比增8.0%以上`). */
  title: string;
  /** Indicator name (`地区生产总值`), null for tasks. */
  indicator: string | null;
  value: number | null;
  unit: string | null;
  /** The change word when the value is a rate of change (`增长`, `比增`, `下降`), else null. */
  change: string | null;
  /** 左右 / 以上 / 以内 / 以下 / 近 / 超 … as written, else null. */
  qualifier: string | null;
  /** The year or span the figure belongs to (`2021`, `2016-2020`). */
  period: string | null;
  status: MeasureStatus | null;
}

export interface DocumentBundle {
  document: DocumentMeta;
  sections: Section[];
  passages: Passage[];
  glossary: GlossaryEntry[];
  footnotes: FootnoteRef[];
  measures: Measure[];
}

/** Metadata the user can correct; what they set is kept apart and survives an `import --replace`. */
export interface DocumentMetaPatch {
  title?: string;
  issuer?: string | null;
  level?: DocumentLevel;
  region?: string | null;
  year?: number | null;
  date?: string | null;
}

export type EditableMetaField = keyof DocumentMetaPatch;
export const EDITABLE_META_FIELDS: readonly EditableMetaField[] = [
  'title',
  'issuer',
  'level',
  'region',
  'year',
  'date',
];
export const DOCUMENT_LEVELS: readonly DocumentLevel[] = [
  'national',
  'province',
  'city',
  'district',
  'unknown',
];
