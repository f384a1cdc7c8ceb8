import {
  ANNOTATION_COLORS,
  type Annotation,
  type AnnotationColor,
  type AnnotationKind,
} from '../../../../shared/domain/annotations';
import { useT } from '../../i18n';
import { useReader } from '../reader';
import { TraceButton } from '../xref/TraceButton';
import { AddToBriefingButton } from '../briefings/AddToBriefingButton';
import { annotations, colorLabel, useAnnotationState, useLastColor } from './annotation-store';
import { NoteEditor, TagEditor } from './editors';
import { annotationStrings } from './strings';

export type ToolbarTarget =
  | { mode: 'create'; ranges: { passageId: string; start: number; end: number }[] }
  | { mode: 'edit'; annotation: Annotation };

/**
 * Colours with their meanings, then underline / note / tag. On a selection each button creates an
 * annotation; on an existing one they change it (and 删除 removes it). Buttons keep the selection:
 * they take no focus on mouse down.
 */
export function AnnotationToolbar({
  target,
  tagSuggestions,
}: {
  target: ToolbarTarget;
  tagSuggestions: readonly string[];
}) {
  const t = useT(annotationStrings);
  const { prefs, editor: editorState } = useAnnotationState();
  const editor = editorState?.place === 'toolbar' ? editorState.mode : null;
  const last = useLastColor();
  const editing = target.mode === 'edit' ? target.annotation : null;
  const current = editing?.color ?? last;
  const reader = useReader();
  // 「追踪」 the selected phrase (or the annotated quote) through the library; one passage's worth at most.
  const traceText =
    editing?.quote ??
    (target.mode === 'create' && target.ranges.length === 1
      ? (reader.index.passageById.get(target.ranges[0]!.passageId)?.text ?? '').slice(
          target.ranges[0]!.start,
          target.ranges[0]!.end,
        )
      : '');

  const pickColor = (color: AnnotationColor) =>
    editing
      ? void annotations.update(editing.id, {
          color,
          ...(editing.kind === 'note' ? { kind: 'highlight' } : {}),
        })
      : void annotations.create(target.mode === 'create' ? target.ranges : [], { color, kind: 'highlight' });
  const pickKind = (kind: AnnotationKind) =>
    editing
      ? void annotations.update(editing.id, { kind })
      : void annotations.create(target.mode === 'create' ? target.ranges : [], {
          kind,
          editor: kind === 'note' ? 'note' : null,
        });
  const openEditor = (mode: 'note' | 'tags') =>
    editing
      ? annotations.openEditor(editor === mode ? null : mode)
      : void annotations.create(target.mode === 'create' ? target.ranges : [], {
          kind: mode === 'note' ? 'note' : 'highlight',
          editor: mode,
        });

  return (
    <div className="ann-toolbar-body">
      <div className="ann-toolbar-row" role="toolbar" aria-label={t('toolbar')}>
        {ANNOTATION_COLORS.map((color) => {
          const label = colorLabel(prefs, color);
          const name = t(`colorName_${color}`);
          return (
            <button
              key={color}
              type="button"
              className={`ann-swatch ann-c-${color}`}
              aria-label={t('colorButton', { color: name, label })}
              aria-pressed={editing ? editing.color === color && editing.kind !== 'note' : undefined}
              data-color={color}
              data-current={color === current || undefined}
              title={t('colorButton', { color: name, label })}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pickColor(color)}
            >
              <span className="ann-swatch-dot" aria-hidden="true" />
              <span className="ann-swatch-label">{label || name}</span>
            </button>
          );
        })}
        <span className="ann-toolbar-sep" aria-hidden="true" />
        {editing && (
          <ToolButton
            label={t('highlight')}
            keyCap="H"
            pressed={editing.kind === 'highlight'}
            onClick={() => pickKind('highlight')}
          />
        )}
        <ToolButton
          label={t('underline')}
          keyCap="U"
          pressed={editing ? editing.kind === 'underline' : undefined}
          onClick={() => pickKind('underline')}
        />
        <ToolButton
          label={t('note')}
          keyCap="N"
          pressed={editing ? editor === 'note' : undefined}
          onClick={() => openEditor('note')}
        />
        <ToolButton
          label={t('tag')}
          keyCap="T"
          pressed={editing ? editor === 'tags' : undefined}
          onClick={() => openEditor('tags')}
        />
        <TraceButton term={traceText} className="ann-tool" />
        <AddToBriefingButton
          className="ann-tool"
          sources={editing ? { annotationId: editing.id } : target.mode === 'create' ? target.ranges : []}
        />
        {editing && (
          <ToolButton
            label={t('delete')}
            keyCap="Del"
            danger
            onClick={() => void annotations.remove(editing.id)}
          />
        )}
      </div>
      {editing && editor === 'note' && (
        <NoteEditor key={editing.id} annotation={editing} onDone={() => annotations.openEditor(null)} />
      )}
      {editing && editor === 'tags' && (
        <TagEditor
          key={editing.id}
          annotation={editing}
          suggestions={tagSuggestions}
          onDone={() => annotations.openEditor(null)}
        />
      )}
    </div>
  );
}

function ToolButton({
  label,
  keyCap,
  pressed,
  danger,
  onClick,
}: {
  label: string;
  keyCap: string;
  pressed?: boolean;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={`ann-tool${danger ? ' ann-tool-danger' : ''}`}
      aria-pressed={pressed}
      aria-keyshortcuts={keyCap === 'Del' ? 'Delete' : keyCap}
      title={`${label} (${keyCap})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
