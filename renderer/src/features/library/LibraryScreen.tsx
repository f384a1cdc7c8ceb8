import { useState } from 'react';
import type { DocumentSummary } from '../../../../shared/domain/library';
import { useDocumentList } from '../../app/data';
import { navigation } from '../../app/navigation';
import { DocumentActions, Slot } from '../../app/slots';
import { useT } from '../../i18n';
import { LibraryFilters } from './LibraryFilters';
import { defaultLibraryView, libraryGroups } from './model/library-view';
import { libraryStrings } from './strings';

export function LibraryScreen() {
  const t = useT(libraryStrings);
  const list = useDocumentList();
  const [view, setView] = useState(defaultLibraryView);
  const groups = list.status === 'ready' ? libraryGroups(list.value, view) : [];
  return (
    <div className="library">
      <header className="library-header">
        <h1 className="library-title">{t('title')}</h1>
        <div className="library-toolbar">
          <Slot name="library-toolbar" />
        </div>
      </header>
      {list.status === 'loading' && (
        <p className="screen-message" role="status">
          {t('loading')}
        </p>
      )}
      {list.status === 'error' && (
        <p className="screen-message" role="alert">
          {t('loadFailed', { message: list.error.message })}
        </p>
      )}
      {list.status === 'ready' && list.value.length === 0 && (
        <div className="library-empty">
          <h2>{t('emptyTitle')}</h2>
          <p>{t('emptyBody')}</p>
        </div>
      )}
      {list.status === 'ready' && list.value.length > 0 && (
        <LibraryFilters documents={list.value} view={view} onChange={setView} />
      )}
      {list.status === 'ready' && list.value.length > 0 && groups.length === 0 && (
        <p className="screen-message" role="status">
          {t('noMatch')}
        </p>
      )}
      {list.status === 'ready' &&
        groups.map((group) => {
          const heading = group.year === null ? t('noYear') : t('year', { year: group.year });
          return (
            <section key={group.year ?? 'none'} className="library-year" aria-label={heading}>
              <h2 className="library-year-title">
                {heading}
                <span className="library-year-count">{t('documents', { n: group.documents.length })}</span>
              </h2>
              <ul className="library-list">
                {group.documents.map((d) => (
                  <li key={d.id} className="doc-row-item">
                    <DocumentRow doc={d} />
                    <span className="doc-row-actions">
                      <DocumentActions docId={d.id} title={d.title} className="doc-row-replace" />
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      <Slot name="library-sections" />
    </div>
  );
}

function DocumentRow({ doc }: { doc: DocumentSummary }) {
  const t = useT(libraryStrings);
  return (
    <button
      type="button"
      className="doc-row"
      data-document-id={doc.id}
      title={t('open', { title: doc.title })}
      onClick={() => navigation.openDocument(doc.id)}
    >
      <span className={`level-chip level-${doc.level}`}>{t(`level_${doc.level}`)}</span>
      <span className="doc-row-main">
        <span className="doc-row-title">{doc.title}</span>
        <span className="doc-row-meta">
          <span>{doc.issuer ?? t('noIssuer')}</span>
          <span>{doc.date ?? t('noDate')}</span>
        </span>
      </span>
      <span className="doc-row-counts">
        <span>{t('passages', { n: doc.passages })}</span>
        <span>{t('glossary', { n: doc.glossary })}</span>
        <span>{t('measures', { n: doc.measures })}</span>
        <span data-count="annotations">{t('annotations', { n: doc.annotations })}</span>
      </span>
    </button>
  );
}
