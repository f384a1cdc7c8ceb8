import { useState } from 'react';
import type { ExportFormat, PrintOptions } from '../../../../shared/domain/print';
import { useT, type KeyOf } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { createStore, useStore } from '../../lib/store';
import { BriefingPreview } from './BriefingPreview';
import { briefingStrings } from './strings';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
];
const CHOICES = {
  layout: ['standard', 'gongwen'],
  notes: ['footnotes', 'endnotes'],
  highlightStyle: ['fill', 'underline'],
} as const;
const LABEL = { layout: 'layout', notes: 'notes', highlightStyle: 'highlight' } as const;

/** The export choices, remembered across sessions. */
export const exportChoices = createStore<PrintOptions>(
  { layout: 'standard', notes: 'footnotes', highlightStyle: 'fill' },
  'yandu.briefings.export',
);

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** Layout, note placement and highlight style, then one button per format; main asks where to save. */
export function ExportBar({ briefingId, version }: { briefingId: string; version: string }) {
  const t = useT(briefingStrings);
  const options = useStore(exportChoices);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    setStatus(t('exporting'));
    try {
      const saved = await apiClient.call('briefings:export', { id: briefingId, options, format });
      setStatus(
        saved.file ? t('exported', { file: saved.file, size: size(saved.bytes) }) : t('exportCancelled'),
      );
    } catch (error) {
      setStatus(t('exportFailed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="briefing-export" aria-label={t('export')}>
      {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((name) => (
        <label key={name} className="briefing-export-choice">
          <span>{t(LABEL[name])}</span>
          <select
            className="briefing-select"
            value={options[name]}
            onChange={(e) => exportChoices.set((o) => ({ ...o, [name]: e.target.value }))}
          >
            {CHOICES[name].map((value) => (
              <option key={value} value={value}>
                {t(`${LABEL[name]}_${value}` as KeyOf<typeof briefingStrings>)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <span className="briefing-export-buttons" role="group" aria-label={t('export')}>
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={busy}
            aria-label={t('exportAs', { format: label })}
            onClick={() => void run(format)}
          >
            {label}
          </button>
        ))}
      </span>
      <button
        type="button"
        className="button"
        aria-expanded={previewing}
        onClick={() => setPreviewing((p) => !p)}
      >
        {t('preview')}
      </button>
      <p className="briefing-export-status" role="status">
        {status}
      </p>
      {previewing && <BriefingPreview briefingId={briefingId} version={version} options={options} />}
    </section>
  );
}
