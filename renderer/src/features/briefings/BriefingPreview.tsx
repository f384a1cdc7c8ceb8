import { useEffect, useState } from 'react';
import type { PrintOptions, PrintPreview } from '../../../../shared/domain/print';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { PagePreview } from '../print/PagePreview';
import { printStrings } from '../print/strings';

/**
 * The first pages of the briefing as the PDF will draw them (the print feature's page drawing),
 * with the page count and which font stands in for which. Laid out again when the briefing or the
 * choices change.
 */
export function BriefingPreview({
  briefingId,
  version,
  options,
}: {
  briefingId: string;
  version: string;
  options: PrintOptions;
}) {
  const t = useT(printStrings);
  const [state, setState] = useState<{
    key: string;
    preview: PrintPreview | null;
    error: string | null;
  } | null>(null);
  const key = `${briefingId}|${version}|${JSON.stringify(options)}`;
  useEffect(() => {
    let live = true;
    apiClient.call('briefings:preview', { id: briefingId, options, maxPages: 2 }).then(
      (preview) => live && setState({ key, preview, error: null }),
      (error: unknown) => live && setState({ key, preview: null, error: (error as Error).message }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names everything the layout depends on
  }, [key]);
  const current = state?.key === key ? state : null;
  if (!current)
    return (
      <p className="briefing-hint" role="status">
        {t('previewing')}
      </p>
    );
  if (!current.preview)
    return (
      <p className="briefing-error" role="alert">
        {current.error}
      </p>
    );
  const { preview } = current;
  const fonts = preview.substitutions.map((s) =>
    s.used === s.wanted ? s.used : t('fontStandsIn', { used: s.used, wanted: s.wanted }),
  );
  return (
    <section className="briefing-preview print-preview" aria-label={t('preview')}>
      <p className="print-count">
        {t('pages', { n: preview.pageCount })} · {t('fonts')}：{fonts.join('；')}
      </p>
      <div className="print-pages">
        {preview.pages.map((page) => (
          <PagePreview key={page.number} page={page} label={t('previewLabel', { n: page.number })} />
        ))}
      </div>
    </section>
  );
}
