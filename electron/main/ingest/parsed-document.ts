/** The document as a reader hands it to the store: defined by the store, which writes it (store/parsed-document.ts). */
export type * from '../store/parsed-document';
