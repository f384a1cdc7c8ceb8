import { useMemo } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import { registerShortcuts } from '../../app/shortcut-registry';
import { lazyT, useT } from '../../i18n';
import { registerDecorationSource, registerPanelTab, registerReaderOverlay } from '../reader';
import { colorLabel, useAnnotationsOf } from './annotation-store';
import { AnnotationOverlay } from './AnnotationOverlay';
import { AnnotationsPanel } from './AnnotationsPanel';
import './annotations.css';
import { annotationDecorations } from './model/decorations';
import { annotationStrings } from './strings';

const lazy = lazyT(annotationStrings);

/** Loads the open document's annotations (this host is mounted for as long as the reader is). */
function useAnnotationDecorations(doc: DocumentBundle) {
  const t = useT(annotationStrings);
  const { list, activeId, prefs } = useAnnotationsOf(doc.document.id);
  return useMemo(
    () =>
      annotationDecorations(list, activeId, (a) => {
        const label = colorLabel(prefs, a.color) || t(`colorName_${a.color}`);
        return a.note ? `${label}：${a.note.slice(0, 120)}` : label;
      }),
    [list, activeId, prefs, t],
  );
}

registerDecorationSource({ id: 'annotations', useDecorations: useAnnotationDecorations });
registerPanelTab({ id: 'annotations', order: 30, label: lazy('tab'), Component: AnnotationsPanel });
registerReaderOverlay({ id: 'annotation-toolbar', Component: AnnotationOverlay });
registerShortcuts({
  id: 'annotations',
  order: 30,
  title: lazy('shortcutsTitle'),
  items: [
    { keys: ['H'], label: lazy('keyHighlight') },
    { keys: ['U'], label: lazy('keyUnderline') },
    { keys: ['N'], label: lazy('keyNote') },
    { keys: ['T'], label: lazy('keyTag') },
    { keys: ['S'], label: lazy('keySentence') },
    { keys: ['P'], label: lazy('keyPassage') },
    { keys: ['Delete'], label: lazy('keyDelete') },
    { keys: ['Ctrl', 'Z'], label: lazy('keyUndo') },
    { keys: ['Ctrl', 'Shift', 'Z'], label: lazy('keyRedo') },
  ],
});
