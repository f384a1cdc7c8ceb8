/**
 * The compare feature's surface for other features (briefings):
 *   changeExcerpts(comparison) — changed sentences and new/dropped phrases as docId + passageId + range
 *   navigation.openScreen('compare', { a, b }) opens the screen (either id may be omitted).
 */
export { changeExcerpts, type ChangeExcerpt } from './model/excerpts';
