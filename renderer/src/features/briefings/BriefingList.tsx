import { useEffect, useState } from 'react';
import { navigation } from '../../app/navigation';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useT } from '../../i18n';
import { briefings, followLibraryChanges, refreshBriefingList, useBriefingList } from './briefings-store';
import { NewBriefingForm } from './forms';
import { briefingStrings } from './strings';

/**
 * The briefings with item count and date: open, new, delete. Shown on the library screen and as the
 * briefing screen when it is opened without a briefing.
 */
export function BriefingList({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const t = useT(briefingStrings);
  const { items, error } = useBriefingList();
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    void refreshBriefingList();
    return followLibraryChanges();
  }, []);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const create = async (title: string) => {
    const made = await briefings.create(title);
    navigation.openScreen('briefing', { briefingId: made.id });
  };
  return (
    <section className="briefing-list" aria-labelledby="briefing-list-title">
      <Heading id="briefing-list-title" className="briefing-list-title">
        {t('listTitle')}
      </Heading>
      {error && (
        <p className="briefing-error" role="alert">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {items?.length === 0 && <p className="briefing-hint">{t('listEmpty')}</p>}
      <ul className="briefing-rows">
        {items?.map((b) => (
          <li key={b.id} className="briefing-row" data-briefing-id={b.id}>
            <button
              type="button"
              className="briefing-row-open"
              onClick={() => navigation.openScreen('briefing', { briefingId: b.id })}
            >
              <span className="briefing-row-title">{b.title}</span>
              <span className="briefing-meta">
                <span>{b.date}</span>
                <span>{t('items', { n: b.itemCount })}</span>
                {b.flagged > 0 && <span className="briefing-flag">{t('flagged', { n: b.flagged })}</span>}
                {b.audience && <span>{b.audience}</span>}
              </span>
            </button>
            {confirming === b.id ? (
              <InlineConfirm
                placement="row"
                tone="danger"
                question={t('deleteConfirm', { title: b.title })}
                cancelLabel={t('cancel')}
                confirmLabel={t('delete')}
                onCancel={() => setConfirming(null)}
                onConfirm={() => void briefings.remove(b.id).then(() => setConfirming(null))}
              />
            ) : (
              <button
                type="button"
                className="link-button briefing-danger"
                aria-label={`${t('delete')}《${b.title}》`}
                onClick={() => setConfirming(b.id)}
              >
                {t('delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <NewBriefingForm submitLabel={t('newBriefing')} onCreate={(title) => void create(title)} />
    </section>
  );
}
