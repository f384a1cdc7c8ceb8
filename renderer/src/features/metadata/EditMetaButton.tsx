import { useState } from 'react';
import {
  DOCUMENT_LEVELS,
  EDITABLE_META_FIELDS,
  type EditableMetaField,
} from '../../../../shared/domain/library';
import { Dialog, FormButtons } from '../../app/Dialog';
import type { DocumentActionProps } from '../../app/slots';
import { useT } from '../../i18n';
import { ApiError, apiClient } from '../../lib/api-client';
import { formOf, patchOf, type MetaForm } from './model/meta-form';
import { metadataStrings } from './strings';
import './metadata.css';

interface Editing {
  docId: string;
  before: MetaForm;
  form: MetaForm;
  userFields: EditableMetaField[];
  reset: EditableMetaField[];
}

/**
 * 编辑信息: title, issuer, level, region, year and date of one document. What the user sets is
 * stored apart from what the importer read (and survives a replace); each field can go back.
 */
export function EditMetaButton({ docId, title, className }: DocumentActionProps) {
  const t = useT(metadataStrings);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const open = async () => {
    setStatus(null);
    const { meta, userFields } = await apiClient.call('documents:meta', { id: docId });
    const form = formOf(meta);
    setEditing({ docId, before: form, form, userFields, reset: [] });
  };
  const set = (field: EditableMetaField, value: string) =>
    setEditing(
      (e) => e && { ...e, form: { ...e.form, [field]: value }, reset: e.reset.filter((f) => f !== field) },
    );
  const save = async () => {
    if (!editing) return;
    const { patch, error } = patchOf(editing.before, editing.form);
    if (error) return setStatus(t(error));
    setStatus(t('saving'));
    try {
      await apiClient.call('documents:update-meta', { id: docId, patch, reset: editing.reset });
      setEditing(null);
      setStatus(null);
    } catch (e) {
      setStatus(t('failed', { message: e instanceof ApiError ? e.message : String(e) }));
    }
  };
  return (
    <>
      <button
        type="button"
        className={`link-button ${className ?? ''}`}
        title={t('actionHint', { title })}
        data-action="edit-meta"
        onClick={() => void open()}
      >
        {t('action')}
      </button>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={t('dialogTitle')}
        closeLabel={t('close')}
        className="meta-dialog"
      >
        {editing && (
          <form
            className="meta-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            {EDITABLE_META_FIELDS.map((field) => {
              const edited = editing.userFields.includes(field) && !editing.reset.includes(field);
              const id = `meta-${field}`;
              return (
                <div key={field} className="meta-field">
                  <label htmlFor={id}>{t(field)}</label>
                  {field === 'level' ? (
                    <select id={id} value={editing.form.level} onChange={(e) => set('level', e.target.value)}>
                      {DOCUMENT_LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {t(`level_${l}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={id}
                      value={editing.form[field]}
                      inputMode={field === 'year' ? 'numeric' : undefined}
                      placeholder={field === 'date' ? 'YYYY-MM-DD' : undefined}
                      maxLength={field === 'title' ? 300 : 100}
                      onChange={(e) => set(field, e.target.value)}
                    />
                  )}
                  <span className={`meta-source ${edited ? 'meta-source-user' : ''}`}>
                    {edited ? t('edited') : t('inferred')}
                  </span>
                  {edited && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing((e) => e && { ...e, reset: [...e.reset, field] })}
                    >
                      {t('reset')}
                    </button>
                  )}
                </div>
              );
            })}
            <p className="meta-note">{t('keepsNote')}</p>
            {status && (
              <p className="meta-status" role="status">
                {status}
              </p>
            )}
            <FormButtons
              className="meta-actions"
              onCancel={() => setEditing(null)}
              cancelLabel={t('cancel')}
              submitLabel={t('save')}
            />
          </form>
        )}
      </Dialog>
    </>
  );
}
