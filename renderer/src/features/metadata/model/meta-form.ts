import type {
  DocumentLevel,
  DocumentMeta,
  DocumentMetaPatch,
  EditableMetaField,
} from '../../../../../shared/domain/library';

/** The form's text fields, as typed. */
export type MetaForm = Record<EditableMetaField, string>;

export function formOf(meta: DocumentMeta): MetaForm {
  return {
    title: meta.title,
    issuer: meta.issuer ?? '',
    level: meta.level,
    region: meta.region ?? '',
    year: meta.year === null ? '' : String(meta.year),
    date: meta.date ?? '',
  };
}

export type MetaFormError = 'yearInvalid' | 'dateInvalid' | null;

/** Only what changed goes to main; an emptied field is `null` (the title cannot be emptied). */
export function patchOf(
  before: MetaForm,
  after: MetaForm,
): { patch: DocumentMetaPatch; error: MetaFormError } {
  const patch: DocumentMetaPatch = {};
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  if (after.title.trim() && after.title !== before.title) patch.title = after.title.trim();
  if (after.issuer !== before.issuer) patch.issuer = text(after.issuer);
  if (after.level !== before.level) patch.level = after.level as DocumentLevel;
  if (after.region !== before.region) patch.region = text(after.region);
  if (after.year !== before.year) {
    if (after.year.trim() && !/^\d{4}$/.test(after.year.trim())) return { patch, error: 'yearInvalid' };
    patch.year = after.year.trim() ? Number(after.year) : null;
  }
  if (after.date !== before.date) {
    if (after.date.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(after.date.trim()))
      return { patch, error: 'dateInvalid' };
    patch.date = text(after.date);
  }
  return { patch, error: null };
}
