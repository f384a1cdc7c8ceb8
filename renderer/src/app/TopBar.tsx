import { useState, type ReactNode } from 'react';
import type { DocumentSummary } from '../../../shared/domain/library';
import { useT } from '../i18n';
import { useDocumentList } from './data';
import { KeyboardIcon, LibraryIcon, OutlineIcon, PanelIcon, SearchIcon, SettingsIcon } from './icons';
import { navigation, useNavigation } from './navigation';
import { useScreens } from './screens';
import { updateSettings, useSettings } from './settings';
import { SettingsDialog } from './SettingsDialog';
import { SearchSlot } from './slots';
import { appStrings } from './strings';
import { groupByYear } from '../features/library/model/group-by-year';

export function TopBar() {
  const t = useT(appStrings);
  const nav = useNavigation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const inReader = nav.screen === 'reader';
  return (
    <header className="topbar">
      <button
        type="button"
        className="brand"
        onClick={() => navigation.openLibrary()}
        // Named by its visible text (speech users say what they see); what it does is its description.
        title={t('toLibrary')}
      >
        <span className="brand-mark" aria-hidden="true">
          研
        </span>
        <span className="brand-name">{t('appName')}</span>
      </button>
      <button
        type="button"
        className="topbar-button"
        aria-current={nav.screen === 'library' ? 'page' : undefined}
        onClick={() => navigation.openLibrary()}
      >
        <LibraryIcon />
        <span>{t('library')}</span>
      </button>
      <ScreenButtons current={nav.screen} />
      <DocumentSwitcher currentId={inReader ? nav.docId : null} />
      <div className="topbar-search">
        <button
          type="button"
          className="search-trigger"
          aria-keyshortcuts="Control+K"
          onClick={() => navigation.openSearch()}
        >
          <SearchIcon />
          <span className="search-trigger-text">{t('searchHint')}</span>
          <kbd>Ctrl K</kbd>
        </button>
        <SearchSlot />
      </div>
      <div className="topbar-actions">
        {inReader && (
          <>
            <PaneToggle label={t('toggleOutline')} setting="outlineOpen" icon={<OutlineIcon />} />
            <PaneToggle label={t('togglePanel')} setting="panelOpen" icon={<PanelIcon />} />
          </>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={t('help')}
          title={`${t('help')} (?)`}
          aria-keyshortcuts="?"
          onClick={() => navigation.setHelpOpen(true)}
        >
          <KeyboardIcon />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('settings')}
          title={t('settings')}
          onClick={() => setSettingsOpen(true)}
        >
          <SettingsIcon />
        </button>
      </div>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </header>
  );
}

/** One button per registered screen that has a label (目标台账, 对照阅读, 简报 …). */
function ScreenButtons({ current }: { current: string }) {
  const screens = useScreens().filter((s) => s.label);
  return (
    <>
      {screens.map((s) => (
        <button
          key={s.id}
          type="button"
          className="topbar-button"
          aria-current={current === s.id ? 'page' : undefined}
          aria-keyshortcuts={s.keyshortcuts}
          onClick={() => navigation.openScreen(s.id)}
        >
          <span>{s.label?.()}</span>
        </button>
      ))}
    </>
  );
}

function PaneToggle({
  label,
  setting,
  icon,
}: {
  label: string;
  setting: 'outlineOpen' | 'panelOpen';
  icon: ReactNode;
}) {
  const open = useSettings()[setting];
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      aria-pressed={open}
      onClick={() => updateSettings({ [setting]: !open })}
    >
      {icon}
    </button>
  );
}

function DocumentSwitcher({ currentId }: { currentId: string | null }) {
  const t = useT(appStrings);
  const list = useDocumentList();
  if (list.status !== 'ready' || list.value.length === 0) return null;
  const docs: DocumentSummary[] = list.value;
  return (
    <select
      className="doc-switcher"
      aria-label={t('switchDocument')}
      value={currentId ?? ''}
      onChange={(e) => e.target.value && navigation.openDocument(e.target.value)}
    >
      {!currentId && <option value="">{t('switchDocument')}…</option>}
      {groupByYear(docs).map((g) => (
        <optgroup key={g.year ?? 'none'} label={g.year === null ? '—' : String(g.year)}>
          {g.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
