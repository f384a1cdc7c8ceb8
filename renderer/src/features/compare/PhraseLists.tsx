import { AddToBriefingButton } from '../briefings/AddToBriefingButton';
import type { PhraseRow } from '../../../../shared/domain/compare';
import { useT } from '../../i18n';
import { navigation } from '../reader';
import { compareStrings } from './strings';

interface PhraseListsProps {
  newPhrases: readonly PhraseRow[];
  droppedPhrases: readonly PhraseRow[];
  newer: { id: string; title: string };
  older: { id: string; title: string };
  onShow: (row: PhraseRow) => void;
}

function PhraseList({
  id,
  title,
  hint,
  rows,
  docId,
  onShow,
}: {
  id: string;
  title: string;
  hint: string;
  rows: readonly PhraseRow[];
  docId: string;
  onShow: (row: PhraseRow) => void;
}) {
  const t = useT(compareStrings);
  return (
    <section className="compare-phrase-group" aria-labelledby={id}>
      <h2 id={id} className="compare-phrase-title">
        {title}
      </h2>
      <p className="compare-phrase-hint">{hint}</p>
      {rows.length === 0 ? (
        <p className="compare-phrase-none">{t('nonePhrases')}</p>
      ) : (
        <ul className="compare-phrase-list">
          {rows.map((row) => (
            <li key={row.phrase} className="compare-phrase">
              {row.passageId ? (
                <button
                  type="button"
                  className="compare-phrase-button"
                  aria-label={t('showPhrase', { phrase: row.phrase })}
                  onClick={() => onShow(row)}
                >
                  {row.phrase}
                </button>
              ) : (
                <span className="compare-phrase-button is-static" title={t('glossaryOnly')}>
                  {row.phrase}
                </span>
              )}
              {row.passageId && (
                <button
                  type="button"
                  className="link-button compare-phrase-open"
                  aria-label={`${t('openInReader')}：${row.phrase}`}
                  title={t('openInReader')}
                  onClick={() =>
                    navigation.openPassage(
                      docId,
                      row.passageId!,
                      row.range ? { start: row.range[0], end: row.range[1] } : null,
                    )
                  }
                >
                  ↗
                </button>
              )}
              {row.passageId && <AddToBriefingButton sources={{ passageId: row.passageId }} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 新提法 and 不再提及: each phrase shows its passage in the panes; ↗ opens it in the reader. */
export function PhraseLists({ newPhrases, droppedPhrases, newer, older, onShow }: PhraseListsProps) {
  const t = useT(compareStrings);
  const names = { newer: `《${newer.title}》`, older: `《${older.title}》` };
  return (
    <aside className="compare-phrases" aria-label={t('phrases')}>
      <PhraseList
        id="compare-new-phrases"
        title={t('newPhrases', { n: newPhrases.length })}
        hint={t('newPhrasesHint', names)}
        rows={newPhrases}
        docId={newer.id}
        onShow={onShow}
      />
      <PhraseList
        id="compare-dropped-phrases"
        title={t('droppedPhrases', { n: droppedPhrases.length })}
        hint={t('droppedPhrasesHint', names)}
        rows={droppedPhrases}
        docId={older.id}
        onShow={onShow}
      />
    </aside>
  );
}
