import { AddToBriefingButton } from '../briefings/AddToBriefingButton';
import { useState } from 'react';
import type { LedgerFigure, LedgerRow, LedgerSeries } from '../../../../shared/domain/ledger';
import { useLibraryQuery } from '../../app/data';
import { navigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { figureText, groupLedger, issuersOf } from './model/group-rows';
import { OverrideDialog } from './OverrideDialog';
import { SeriesChart } from './SeriesChart';
import { ledgerStrings } from './strings';
import './ledger.css';

/** 目标台账: targets grouped by issuer and year, each beside its outcome, with both citations. */
export function LedgerScreen() {
  const t = useT(ledgerStrings);
  const [issuer, setIssuer] = useState('');
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<LedgerRow | null>(null);
  const [series, setSeries] = useState<LedgerSeries | null>(null);
  const all = useLibraryQuery(() => apiClient.call('ledger:list', {}), [version]);
  const rows = all.status === 'ready' ? all.value.filter((r) => !issuer || r.issuerKey === issuer) : [];
  const showSeries = async (row: LedgerRow) =>
    setSeries(await apiClient.call('ledger:series', { issuer: row.issuer, indicator: row.indicator }));
  return (
    <div className="ledger">
      <header className="ledger-header">
        <h1>{t('title')}</h1>
        <p className="ledger-intro">{t('intro')}</p>
        <div className="ledger-tools">
          <label>
            {t('issuerFilter')}
            <select value={issuer} onChange={(e) => setIssuer(e.target.value)} data-testid="ledger-issuer">
              <option value="">{t('allIssuers')}</option>
              {all.status === 'ready' &&
                issuersOf(all.value).map((i) => (
                  <option key={i.key} value={i.key}>
                    {i.label}
                  </option>
                ))}
            </select>
          </label>
          <span className="ledger-count" role="status">
            {all.status === 'ready' && t('count', { n: rows.length })}
          </span>
          <button type="button" className="button ledger-print" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
      </header>
      {all.status === 'loading' && <p className="screen-message">{t('loading')}</p>}
      {all.status === 'error' && (
        <p className="screen-message" role="alert">
          {t('loadFailed', { message: all.error.message })}
        </p>
      )}
      {all.status === 'ready' && all.value.length === 0 && <p className="screen-message">{t('empty')}</p>}
      {series && (
        <section className="ledger-series" aria-label={t('chart')}>
          <SeriesChart series={series} />
          <button type="button" className="link-button ledger-series-close" onClick={() => setSeries(null)}>
            {t('chartClose')}
          </button>
        </section>
      )}
      {groupLedger(rows).map((g) => (
        <section key={g.issuerKey} className="ledger-issuer" aria-label={g.issuer}>
          <h2>{g.issuer}</h2>
          {g.years.map((y) => (
            <table key={y.year} className="ledger-table">
              <caption>{t('year', { year: y.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicator')}</th>
                  <th scope="col">{t('target')}</th>
                  <th scope="col">{t('outcome')}</th>
                  <th scope="col">{t('verdict')}</th>
                  <th scope="col" className="ledger-no-print">
                    {t('actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {y.rows.map((r) => (
                  <LedgerTableRow
                    key={r.id}
                    row={r}
                    onOverride={setEditing}
                    onSeries={(row) => void showSeries(row)}
                  />
                ))}
              </tbody>
            </table>
          ))}
        </section>
      ))}
      <OverrideDialog
        key={editing?.id ?? 'none'}
        row={editing}
        onClose={(changed) => {
          setEditing(null);
          if (changed) setVersion((v) => v + 1);
        }}
      />
    </div>
  );
}

function LedgerTableRow({
  row,
  onOverride,
  onSeries,
}: {
  row: LedgerRow;
  onOverride: (row: LedgerRow) => void;
  onSeries: (row: LedgerRow) => void;
}) {
  const t = useT(ledgerStrings);
  return (
    <tr data-ledger-row={row.id}>
      <th scope="row">
        <button
          type="button"
          className="link-button ledger-indicator"
          title={t('showChart', { indicator: row.indicator })}
          onClick={() => onSeries(row)}
        >
          {row.indicator}
        </button>
      </th>
      <td>
        <FigureCell figure={row.target} label={t('openTarget', { citation: row.target.citation })} />
      </td>
      <td>
        {row.outcome ? (
          <FigureCell figure={row.outcome} label={t('openOutcome', { citation: row.outcome.citation })} />
        ) : (
          <span className="ledger-none">{t('noOutcome')}</span>
        )}
      </td>
      <td>
        <span className={`verdict-badge verdict-${row.verdict}`} title={row.reason}>
          {t(`verdict_${row.verdict}`)}
        </span>
        {row.override && (
          <span className="ledger-override-mark" title={row.override.note}>
            {t('overridden')}
            {row.override.note && <span className="ledger-override-note-text">：{row.override.note}</span>}
          </span>
        )}
      </td>
      <td className="ledger-no-print">
        <button type="button" className="link-button" onClick={() => onOverride(row)}>
          {t('override')}
        </button>{' '}
        <AddToBriefingButton
          sources={[row.target, ...(row.outcome ? [row.outcome] : [])].map((f) => ({
            passageId: f.passageId,
          }))}
        />
      </td>
    </tr>
  );
}

function FigureCell({ figure, label }: { figure: LedgerFigure; label: string }) {
  return (
    <button
      type="button"
      className="ledger-figure"
      title={label}
      onClick={() =>
        navigation.openPassage(figure.docId, figure.passageId, {
          start: figure.start,
          end: figure.start + figure.text.length,
        })
      }
    >
      <span className="ledger-value">{figureText(figure)}</span>
      <span className="ledger-cite">{figure.citation}</span>
    </button>
  );
}
