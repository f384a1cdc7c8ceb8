import { useEffect, useState } from 'react';
import { Dialog, focusOnOpen } from '../../app/Dialog';
import { navigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { useStore } from '../../lib/store';
import { addSources, lastBriefing, pickerRequest, type PickerRequest } from './add-to-briefing';
import { briefings, refreshBriefingList, useBriefingList } from './briefings-store';
import { NewBriefingForm } from './forms';
import { briefingStrings } from './strings';

/** The compact "which briefing?" dialog behind `addToBriefing` (mounted app-wide). */
export function BriefingPicker() {
  const request = useStore(pickerRequest);
  // A fresh body per request: no outcome or half-typed title left over from the last one.
  return <PickerDialog key={request?.nonce ?? 0} request={request} />;
}

function PickerDialog({ request }: { request: PickerRequest | null }) {
  const t = useT(briefingStrings);
  const last = useStore(lastBriefing);
  const { items } = useBriefingList();
  const [outcome, setOutcome] = useState<{ id: string; title: string } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (request) void refreshBriefingList();
  }, [request]);

  const close = () => pickerRequest.set(null);
  const addTo = async (target: { id: string; title: string } | { newTitle: string }) => {
    if (!request || busy) return;
    setBusy(true);
    try {
      const chosen = 'id' in target ? target : await briefings.create(target.newTitle);
      await addSources(chosen.id, request.sources);
      setOutcome({ id: chosen.id, title: chosen.title });
      void refreshBriefingList();
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const ordered = [...(items ?? [])].sort((a, b) => Number(b.id === last) - Number(a.id === last));

  return (
    <Dialog
      open={request !== null}
      onClose={close}
      title={t('addToTitle')}
      closeLabel={t('close')}
      className="briefing-picker"
    >
      {outcome && 'id' in outcome ? (
        <div className="briefing-picker-done" role="status">
          <p>{t('added', { title: outcome.title })}</p>
          <div className="briefing-picker-actions">
            <button type="button" className="button" onClick={close} autoFocus>
              {t('close')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                close();
                navigation.openScreen('briefing', { briefingId: outcome.id });
              }}
            >
              {t('open')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{t('addToBody')}</p>
          {outcome && 'error' in outcome && (
            <p className="briefing-error" role="alert">
              {t('addFailed', { message: outcome.error })}
            </p>
          )}
          <ul className="briefing-picker-list" aria-label={t('listTitle')}>
            {ordered.map((b, i) => (
              <li key={b.id}>
                <button
                  type="button"
                  className="briefing-picker-choice"
                  disabled={busy}
                  autoFocus={i === 0}
                  ref={i === 0 ? focusOnOpen : undefined}
                  onClick={() => void addTo(b)}
                >
                  <span className="briefing-picker-title">{b.title}</span>
                  <span className="briefing-meta">
                    {b.date} · {t('items', { n: b.itemCount })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <NewBriefingForm
            submitLabel={t('addToNew')}
            disabled={busy}
            autoFocus={ordered.length === 0}
            onCreate={(title) => void addTo({ newTitle: title })}
          />
        </>
      )}
    </Dialog>
  );
}
