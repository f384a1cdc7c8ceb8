import { useState } from 'react';
import { LEDGER_VERDICTS, type LedgerRow, type LedgerVerdict } from '../../../../shared/domain/ledger';
import { Dialog, FormButtons } from '../../app/Dialog';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { ledgerStrings } from './strings';

/** The user's verdict with a note; stored by issuer, indicator and year so a re-import keeps it. */
export function OverrideDialog({
  row,
  onClose,
}: {
  row: LedgerRow | null;
  onClose: (changed: boolean) => void;
}) {
  const t = useT(ledgerStrings);
  const [verdict, setVerdict] = useState<LedgerVerdict>(row?.verdict ?? 'met');
  const [note, setNote] = useState(row?.override?.note ?? '');
  const save = async (value: LedgerVerdict | null) => {
    if (!row) return;
    await apiClient.call('ledger:override', { id: row.id, verdict: value, note });
    onClose(true);
  };
  return (
    <Dialog
      open={row !== null}
      onClose={() => onClose(false)}
      title={t('overrideTitle')}
      closeLabel={t('close')}
    >
      {row && (
        <form
          className="ledger-override"
          onSubmit={(e) => {
            e.preventDefault();
            void save(verdict);
          }}
        >
          <p className="ledger-override-for">
            {t('overrideFor', { issuer: row.issuer, year: row.year, indicator: row.indicator })}
          </p>
          <p className="ledger-override-computed">
            {t('computed', { verdict: t(`verdict_${row.computedVerdict}`), reason: row.reason })}
          </p>
          <fieldset className="ledger-override-verdicts">
            <legend>{t('verdict')}</legend>
            {LEDGER_VERDICTS.map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="verdict"
                  value={v}
                  checked={verdict === v}
                  onChange={() => setVerdict(v)}
                />
                <span className={`verdict-badge verdict-${v}`}>{t(`verdict_${v}`)}</span>
              </label>
            ))}
          </fieldset>
          <label className="ledger-override-note">
            <span>{t('note')}</span>
            <textarea
              value={note}
              maxLength={2000}
              rows={3}
              placeholder={t('notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <FormButtons
            className="ledger-override-actions"
            onCancel={() => onClose(false)}
            cancelLabel={t('cancel')}
            submitLabel={t('save')}
          >
            {row.override && (
              <button type="button" className="button" onClick={() => void save(null)}>
                {t('clear')}
              </button>
            )}
          </FormButtons>
        </form>
      )}
    </Dialog>
  );
}
