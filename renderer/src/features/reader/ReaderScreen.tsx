import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import { useDocumentBundle } from '../../app/data';
import { apiClient } from '../../lib/api-client';
import { navigation, useNavigation, type TextRange } from '../../app/navigation';
import { updateSettings, useSettings } from '../../app/settings';
import { useT } from '../../i18n';
import { ContextPanel } from './ContextPanel';
import { DecorationHosts } from './decoration-hosts';
import { leadDecorations, mergeDecorations } from './model/merge-decorations';
import { ocrDecorations } from './model/ocr-marks';
import { buildDocIndex, type DocIndex } from './model/doc-index';
import {
  usePanelTabs,
  useDecorationSources,
  useReaderOverlays,
  type Decoration,
  type DecorationMap,
  type PanelRequest,
} from './extensions';
import { FootnoteLayer } from './footnotes';
import { Outline } from './Outline';
import { CurrentPassageContext, ReaderContext, type ReaderApi } from './reader-context';
import { readerStrings } from './strings';
import { TextPane } from './TextPane';
import { useReaderKeys } from './use-reader-keys';
import { ReaderStatus, useCopyWithCitation } from './ReaderStatus';

export function ReaderScreen({ docId }: { docId: string }) {
  const t = useT(readerStrings);
  const bundle = useDocumentBundle(docId);
  const loaded = bundle.status === 'ready';
  // Only the reader decides what a fresh start reopens; other screens read documents too.
  useEffect(() => {
    if (!loaded) return;
    apiClient
      .call('documents:opened', { id: docId })
      .catch((error: unknown) => console.warn('[reader] could not remember the open document', error));
  }, [docId, loaded]);
  if (bundle.status === 'loading')
    return (
      <p className="screen-message" role="status">
        {t('loading')}
      </p>
    );
  if (bundle.status === 'error')
    return (
      <div className="screen-message" role="alert">
        <p>
          {t('loadFailed')}：{bundle.error.message}
        </p>
        {bundle.error.details && (
          <details>
            <summary>{t('details')}</summary>
            {bundle.error.details}
          </details>
        )}
        <button type="button" className="button" onClick={() => navigation.openLibrary()}>
          {t('backToLibrary')}
        </button>
      </div>
    );
  return <Reader key={docId} doc={bundle.value} />;
}

let panelNonce = 0;
/** The last merged decorations per open document, so unchanged passages keep their arrays (and skip re-rendering). */
const lastMerged = new WeakMap<DocIndex, ReadonlyMap<string, readonly Decoration[]>>();

function Reader({ doc }: { doc: DocumentBundle }) {
  const t = useT(readerStrings);
  const docId = doc.document.id;
  const index = useMemo(() => buildDocIndex(doc), [doc]);
  const settings = useSettings();
  const { target } = useNavigation();
  const paneRef = useRef<HTMLElement>(null);
  const [current, setCurrent] = useState<string | null>(index.passages[0]?.id ?? null);
  const [panelRequest, setPanelRequest] = useState<PanelRequest | null>(null);
  const tabs = usePanelTabs();
  const sources = useDecorationSources();
  const overlays = useReaderOverlays();
  const [sourceMaps, setSourceMaps] = useState<Record<string, DecorationMap>>({});
  const { copyText, copyPassage, notice } = useCopyWithCitation(index);

  const goTo = useCallback((passageId: string, flash = false) => {
    const el = paneRef.current?.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(passageId)}"]`);
    if (!el) return;
    // The first paragraph of a section comes into view under its heading(s).
    let top: HTMLElement = el;
    while (top.previousElementSibling instanceof HTMLElement && top.previousElementSibling.dataset.sectionId)
      top = top.previousElementSibling;
    top.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    setCurrent(passageId);
    if (flash) {
      el.classList.remove('is-flash');
      void el.offsetWidth; // restart the animation
      el.classList.add('is-flash');
    }
  }, []);

  const openPassage = useCallback(
    (passageId: string, range?: TextRange | null) => navigation.openPassage(docId, passageId, range),
    [docId],
  );
  const openPanel = useCallback((tabId: string, arg?: unknown) => {
    updateSettings({ panelOpen: true, panelTab: tabId });
    setPanelRequest({ tabId, arg, nonce: ++panelNonce });
  }, []);
  const openGlossaryEntry = useCallback(
    (glossaryId: string) => openPanel('glossary', { glossaryId }),
    [openPanel],
  );

  useEffect(() => {
    if (target && target.docId === docId) goTo(target.passageId, true);
  }, [target, docId, goTo]);

  useReaderKeys({ index, currentPassageId: current, goTo, onEscape: navigation.clearTarget });

  const report = useCallback(
    (id: string, map: DecorationMap) =>
      setSourceMaps((prev) => (prev[id] === map ? prev : { ...prev, [id]: map })),
    [],
  );
  const leads = useMemo(() => leadDecorations(index), [index]);
  const ocrLow = useMemo(() => ocrDecorations(index, t('ocrLow')), [index, t]);
  const focus =
    target?.docId === docId && target.range ? { passageId: target.passageId, range: target.range } : null;
  const decorations = useMemo(() => {
    const maps = [leads, ocrLow, ...sources.map((s) => sourceMaps[s.id]).filter((m) => m !== undefined)];
    const merged = mergeDecorations(maps, focus, lastMerged.get(index));
    lastMerged.set(index, merged);
    return merged;
    // focus is rebuilt every render; its fields are the real dependencies
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, leads, ocrLow, sources, sourceMaps, focus?.passageId, focus?.range.start, focus?.range.end]);

  const api = useMemo<ReaderApi>(
    () => ({ doc, index, openPassage, openPanel, citation: index.citation }),
    [doc, index, openPassage, openPanel],
  );

  return (
    <ReaderContext.Provider value={api}>
      <CurrentPassageContext.Provider value={current}>
        <DecorationHosts sources={sources} doc={doc} report={report} />
        <FootnoteLayer glossaryById={index.glossaryById} onOpenGlossary={openGlossaryEntry}>
          <div
            className="reader"
            data-outline={settings.outlineOpen ? 'open' : 'closed'}
            data-panel={settings.panelOpen && tabs.length ? 'open' : 'closed'}
          >
            <nav className="pane outline-pane" aria-label={t('outline')} hidden={!settings.outlineOpen}>
              <Outline index={index} title={doc.document.title} currentPassageId={current} onGo={goTo} />
            </nav>
            <div className="text-column">
              <main className="pane text-pane" ref={paneRef} aria-label={t('text')}>
                <TextPane
                  doc={doc}
                  index={index}
                  decorations={decorations}
                  paneRef={paneRef}
                  onCurrentChange={setCurrent}
                  onCopyPassage={copyPassage}
                  copyText={copyText}
                />
              </main>
              <ReaderStatus index={index} currentPassageId={current} notice={notice} />
            </div>
            <aside
              className="pane context-pane"
              aria-label={t('context')}
              hidden={!settings.panelOpen || tabs.length === 0}
            >
              <ContextPanel
                doc={doc}
                tabs={tabs}
                activeId={settings.panelTab}
                request={panelRequest}
                onSelect={(panelTab) => updateSettings({ panelTab })}
              />
            </aside>
          </div>
        </FootnoteLayer>
        {overlays.map(({ id, Component }) => (
          <Component key={id} doc={doc} />
        ))}
      </CurrentPassageContext.Provider>
    </ReaderContext.Provider>
  );
}
