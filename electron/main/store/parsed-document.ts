import type {
  DocumentLevel,
  Measure,
  PassageKind,
  PassageOcr,
} from '../../../shared/domain/library';

/**
 * What a format reader + parser hand to the store: the structure of one document with positions
 * given as indexes into its own arrays. The store assigns the library-wide ids.
 */
export interface ParsedDocument {
  meta: {
    title: string;
    issuer: string | null;
    date: string | null;
    level: DocumentLevel;
    indexNumber: string | null;
    /** The speaker's name as printed (`林重阳`). */
    speaker: string | null;
    /** The office printed before the name (`湖里区人民政府区长`); not stored yet, kept for the reader. */
    speakerOffice?: string | null;
    meeting: string | null;
    /** The place the issuer speaks for (`厦门市湖里区`); null for national documents. */
    region?: string | null;
    /** The year the report plans for (`2021` for the 湖里区 report delivered 2020-12-29). */
    year?: number | null;
  };
  sections: ParsedSection[];
  passages: ParsedPassage[];
  glossary: ParsedGlossaryEntry[];
  measures: ParsedMeasure[];
}

export interface ParsedSection {
  /** Index into `sections` of the enclosing section, or null for a top-level part. */
  parentIndex: number | null;
  level: number;
  label: string;
  title: string;
}

export interface ParsedPassage {
  /** Index into `sections` of the innermost section holding this paragraph, or null before the first. */
  sectionIndex: number | null;
  lead: string | null;
  text: string;
  kind: PassageKind;
  footnotes: ParsedFootnote[];
  /** Set by the reader when the text came from OCR. */
  ocr?: PassageOcr;
}

export interface ParsedFootnote {
  offset: number;
  /** Index into `glossary`. */
  glossaryIndex: number;
  source: 'marker' | 'mention';
}

export interface ParsedGlossaryEntry {
  number: number | null;
  term: string;
  definition: string;
}

/** A measure as parsed: the stored `Measure` with its passage given by index, before ids exist. */
export interface ParsedMeasure extends Omit<Measure, 'id' | 'passageId'> {
  passageIndex: number;
}
