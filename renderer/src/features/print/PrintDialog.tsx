import { useEffect, useState } from 'react';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../../../shared/domain/annotations';
import type { ExportFormat, PrintOptions, PrintPreview, PrintScope } from '../../../../shared/domain/print';
import { Dialog } from '../../app/Dialog';
import { Choice } from '../../app/SettingsDialog';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { annotationStrings } from '../annotations/strings';
import { PagePreview } from './PagePreview';
import { printStrings } from './strings';
import './print.css';

type ScopeKind = PrintScope['kind'];

export interface PrintDialogProps {
  open: boolean;
  onClose: () => void;
  docId: string;
  /** The section at the reading position, when the dialog is opened from the reader. */
  sectionId: string | null;
}

const SAVE_FORMATS: { format: ExportFormat; key: 'savePdf' | 'saveDocx' | 'saveMd' | 'saveHtml' }[] = [
  { format: 'pdf', key: 'savePdf' },
  { format: 'docx', key: 'saveDocx' },
  { format: 'md', key: 'saveMd' },
  { format: 'html', key: 'saveHtml' },
];

/** Ctrl+P: what to print, how, a preview of the first pages, then save (PDF / Word / Markdown / HTML) or print. */
export function PrintDialog({ open, onClose, docId, sectionId }: PrintDialogProps) {
  const t = useT(printStrings);
  // the palette's names as the annotation toolbar shows them
  const tc = useT(annotationStrings);
  const [kind, setKind] = useState<ScopeKind>('annotated');
  const [tag, setTag] = useState('');
  const [color, setColor] = useState<AnnotationColor>('yellow');
  const [tags, setTags] = useState<string[]>([]);
  const [options, setOptions] = useState<PrintOptions>({
    layout: 'standard',
    notes: 'footnotes',
    highlightStyle: 'fill',
  });
  const [preview, setPreview] = useState<PrintPreview | null>(null);
  const [status, setStatus] = useState<string>('');
  const [previewStatus, setPreviewStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);

  const scope: PrintScope | null =
    kind === 'section'
      ? sectionId
        ? { kind, sectionId }
        : null
      : kind === 'tag'
        ? tag
          ? { kind, tag }
          : null
        : kind === 'color'
          ? { kind, color }
          : { kind };
  const scopeKey = JSON.stringify(scope);
  const optionsKey = JSON.stringify(options);

  useEffect(() => {
    if (!open) return;
    apiClient
      .call('annotations:tags', { documentId: docId })
      .then((list) => {
        setTags(list.map((x) => x.tag));
        setTag((current) => current || list[0]?.tag || '');
      })
      .catch(() => setTags([]));
  }, [open, docId]);

  useEffect(() => {
    if (!open || !scope) return;
    let live = true;
    // a short pause so that clicking through options lays out only the last choice
    const timer = setTimeout(() => {
      setPreviewStatus(t('previewing'));
      apiClient
        .call('print:preview', { docId, scope, options, maxPages: 2 })
        .then((p) => live && (setPreview(p), setPreviewStatus('')))
        .catch((e: Error) => live && setPreviewStatus(t('failed', { message: e.message })));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the serialised choices
  }, [open, docId, scopeKey, optionsKey]);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setStatus(t('working'));
    try {
      setStatus((await action()) ?? '');
    } catch (e) {
      setStatus(t('failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const save = (format: ExportFormat) =>
    run(async () => {
      if (!scope) return null;
      const { file } = await apiClient.call('print:save', { docId, scope, options, format });
      return file ? t('saved', { file }) : null;
    });
  const print = () =>
    run(async () => {
      if (!scope) return null;
      const { printed } = await apiClient.call('print:print', { docId, scope, options });
      return printed ? t('printed') : null;
    });
  const set =
    <K extends keyof PrintOptions>(key: K) =>
    (value: PrintOptions[K]) =>
      setOptions((o) => ({ ...o, [key]: value }));

  return (
    <Dialog open={open} onClose={onClose} title={t('title')} closeLabel={t('close')} className="print-dialog">
      <div className="print-layout">
        <form className="print-options" onSubmit={(e) => e.preventDefault()}>
          <Choice
            legend={t('scope')}
            name="print-scope"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'document', label: t('scopeDocument') },
              ...(sectionId ? [{ value: 'section' as const, label: t('scopeSection') }] : []),
              { value: 'annotated', label: t('scopeAnnotated') },
              { value: 'tag', label: t('scopeTag') },
              { value: 'color', label: t('scopeColor') },
            ]}
          />
          {kind === 'tag' && (
            <label className="print-field">
              <span>{t('tag')}</span>
              <select value={tag} onChange={(e) => setTag(e.target.value)} disabled={!tags.length}>
                {!tags.length && <option value="">{t('noTags')}</option>}
                {tags.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'color' && (
            <label className="print-field">
              <span>{t('color')}</span>
              <select value={color} onChange={(e) => setColor(e.target.value as AnnotationColor)}>
                {ANNOTATION_COLORS.map((c) => (
                  <option key={c} value={c}>
                    {tc(`colorName_${c}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Choice
            legend={t('layout')}
            name="print-layout"
            value={options.layout}
            onChange={set('layout')}
            options={[
              { value: 'standard', label: t('layoutStandard') },
              { value: 'gongwen', label: t('layoutGongwen') },
            ]}
          />
          <Choice
            legend={t('notes')}
            name="print-notes"
            value={options.notes}
            onChange={set('notes')}
            options={[
              { value: 'footnotes', label: t('notesFootnotes') },
              { value: 'endnotes', label: t('notesEndnotes') },
            ]}
          />
          <Choice
            legend={t('highlight')}
            name="print-highlight"
            value={options.highlightStyle}
            onChange={set('highlightStyle')}
            options={[
              { value: 'fill', label: t('highlightFill') },
              { value: 'underline', label: t('highlightUnderline') },
            ]}
          />
          {preview && (
            <section className="print-fonts" aria-label={t('fonts')}>
              <h3>{t('fonts')}</h3>
              <ul>
                {preview.substitutions.map((s) => (
                  <li key={s.role}>
                    {s.used === s.wanted
                      ? t('fontExact', { used: s.used })
                      : t('fontStandsIn', { used: s.used, wanted: s.wanted })}
                  </li>
                ))}
                {preview.glyphFallbacks.map((g) => (
                  <li key={g.font}>
                    {t('glyphFallback', { font: g.font, chars: g.characters.slice(0, 20) })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="print-actions">
            {SAVE_FORMATS.map(({ format, key }) => (
              <button
                key={format}
                type="button"
                className="button"
                disabled={busy || !scope}
                onClick={() => void save(format)}
              >
                {t(key)}
              </button>
            ))}
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !scope}
              onClick={() => void print()}
            >
              {t('print')}
            </button>
          </div>
          <p className="print-status" role="status" aria-live="polite">
            {status}
          </p>
        </form>
        <section className="print-preview" aria-label={t('preview')}>
          <p className="print-count" aria-live="polite">
            {previewStatus || (preview ? t('pages', { n: preview.pageCount }) : '')}
          </p>
          <div className="print-pages">
            {preview?.pages.map((p) => (
              <PagePreview key={p.number} page={p} label={t('previewLabel', { n: p.number })} />
            ))}
          </div>
        </section>
      </div>
    </Dialog>
  );
}
