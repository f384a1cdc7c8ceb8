import { useRef, type KeyboardEvent } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import { useLocale, useT } from '../../i18n';
import type { PanelRequest, PanelTab } from './extensions';
import { readerStrings } from './strings';

export interface ContextPanelProps {
  doc: DocumentBundle;
  tabs: readonly PanelTab[];
  activeId: string | null;
  request: PanelRequest | null;
  onSelect: (tabId: string) => void;
}

/** The right pane: one tab per registered PanelTab (WAI-ARIA tabs, arrow keys move between them). */
export function ContextPanel({ doc, tabs, activeId, request, onSelect }: ContextPanelProps) {
  const t = useT(readerStrings);
  useLocale(); // tab labels are functions of the locale
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const active = tabs.find((tab) => tab.id === activeId) ?? tabs[0];
  if (!active) return <p className="panel-empty">{t('noTabs')}</p>;

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(active);
    const next =
      e.key === 'ArrowRight'
        ? tabs[(i + 1) % tabs.length]
        : e.key === 'ArrowLeft'
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs.at(-1)
              : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  const Panel = active.Component;
  return (
    <>
      <div className="tabs" role="tablist" aria-label={t('contextTabs')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) tabRefs.current.set(tab.id, el);
              else tabRefs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            className="tab"
            aria-selected={tab === active}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab === active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label()}
          </button>
        ))}
      </div>
      <div
        className="tabpanel"
        role="tabpanel"
        id={`tabpanel-${active.id}`}
        aria-labelledby={`tab-${active.id}`}
      >
        <Panel
          key={`${active.id}:${doc.document.id}`}
          doc={doc}
          request={request?.tabId === active.id ? request : null}
        />
      </div>
    </>
  );
}
