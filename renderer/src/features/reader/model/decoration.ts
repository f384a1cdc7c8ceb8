/**
 * Built-in kinds: 'lead' (the run-in lead phrase, drawn bold), 'focus' (the range a jump asked to
 * show). Features add their own: 'search-hit', 'annotation', …; the element gets the classes
 * `deco deco-<kind>` plus `className`, and `data` becomes `data-*` attributes.
 * (A file of its own, free of React and the DOM, so pure logic and its tests can use it.)
 */
export type DecorationKind = 'lead' | 'focus' | 'search-hit' | 'annotation' | (string & {});

export interface Decoration {
  start: number;
  end: number;
  kind: DecorationKind;
  className?: string;
  /** Rendered as data-* attributes, e.g. { 'annotation-id': 'a1' } → data-annotation-id="a1". */
  data?: Readonly<Record<string, string>>;
  /** Tooltip text (the native title attribute). */
  title?: string;
}
