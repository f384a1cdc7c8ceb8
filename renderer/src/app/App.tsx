import { useEffect, useLayoutEffect, useState } from 'react';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { ReaderScreen } from '../features/reader/ReaderScreen';
import { useLocale, useT } from '../i18n';
import { apiClient } from '../lib/api-client';
import { HelpDialog } from './HelpDialog';
import { useScreens } from './screens';
import { navigation, useNavigation } from './navigation';
import { applySettingsToDocument, useSettings } from './settings';
import { isTypingTarget } from './shortcut-registry';
import { Slot } from './slots';
import { appStrings } from './strings';
import { TopBar } from './TopBar';

export function App() {
  const t = useT(appStrings);
  const nav = useNavigation();
  const settings = useSettings();
  const locale = useLocale();
  const registered = useScreens().find((s) => s.id === nav.screen);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => applySettingsToDocument(settings), [settings]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // A fresh start opens the last document read (else the bundled report); an empty library shows the shelf.
  useEffect(() => {
    apiClient.call('documents:default', {}).then(
      (doc) => navigation.openFirst(doc?.id ?? null),
      (e: unknown) => {
        setStartError(e instanceof Error ? e.message : String(e));
        navigation.openFirst(null);
      },
    );
  }, []);

  useGlobalShortcuts();

  return (
    <div className="app">
      <TopBar />
      <div className="app-body">
        {startError && (
          <p className="app-error" role="alert">
            {t('noBridge', { message: startError })}
          </p>
        )}
        {nav.screen === 'loading' && <p className="screen-message">{t('starting')}</p>}
        {nav.screen === 'library' && <LibraryScreen />}
        {nav.screen === 'reader' && nav.docId && <ReaderScreen docId={nav.docId} />}
        {registered && <registered.Component />}
      </div>
      <HelpDialog />
      <Slot name="app-overlay" />
    </div>
  );
}

/**
 * Ctrl+K (⌘K) search and `?` help, anywhere in the app. Listening from the first commit, before the
 * window paints (a layout effect): with a passive effect, a Ctrl+K pressed as the first screen
 * appeared could come before the listener and be lost (a browser test pressed it so under load).
 */
function useGlobalShortcuts() {
  useLayoutEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        navigation.openSearch();
      } else if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        navigation.setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
