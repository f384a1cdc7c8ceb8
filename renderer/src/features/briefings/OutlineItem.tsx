import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { BriefingItem } from '../../../../shared/domain/briefings';
import { navigation } from '../../app/navigation';
import { useT } from '../../i18n';
import { briefings } from './briefings-store';
import { markedRuns, movedIndex, outlineCommand, shiftedLevel, type OutlineCommand } from './model/outline';
import { TextEntry } from './forms';
import { briefingStrings } from './strings';

const DRAG_TYPE = 'application/x-yandu-briefing-item';

interface Props {
  item: BriefingItem;
  index: number;
  count: number;
  focusMe: boolean;
  dragging: number | null;
  onDragging: (index: number | null) => void;
}

/**
 * One outline row: focusable (Tab reaches it), reordered with Alt+↑/↓ or by dragging, headings
 * re-levelled with Alt+←/→ (Tab is left to move focus); its buttons do the same for the mouse.
 */
export function OutlineItem({ item, index, count, focusMe, dragging, onDragging }: Props) {
  const t = useT(briefingStrings);
  const ref = useRef<HTMLLIElement>(null);
  const [editing, setEditing] = useState(false);
  const [over, setOver] = useState(false);

  useEffect(() => {
    if (!focusMe) return;
    ref.current?.focus();
    briefings.clearFocus();
  }, [focusMe]);

  const run = (command: OutlineCommand) => {
    if (command === 'up' || command === 'down') {
      const to = movedIndex(index, command === 'up' ? -1 : 1, count);
      if (to !== null) void briefings.move(item.id, to);
      return;
    }
    const level = shiftedLevel(item.level, command);
    if (level) void briefings.editItem(item.id, { level });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (id && dragging !== index) void briefings.move(id, index);
    onDragging(null);
  };

  const label = t('itemLabel', { kind: t(`kind_${item.kind}`), text: item.text.slice(0, 40) });
  return (
    <li
      ref={ref}
      className={`briefing-item briefing-item-${item.kind}${item.kind === 'heading' ? ` briefing-level-${item.level}` : ''}`}
      data-item-id={item.id}
      data-status={item.status ?? undefined}
      data-over={over || undefined}
      tabIndex={0}
      aria-label={item.kind === 'heading' ? `${label}（${t('level', { n: item.level })}）` : label}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
      draggable={!editing}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, item.id);
        e.dataTransfer.effectAllowed = 'move';
        onDragging(index);
      }}
      onDragEnd={() => onDragging(null)}
      onDragOver={(e) => {
        if (dragging === null) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        const command = outlineCommand(e, item.kind);
        if (!command) return;
        e.preventDefault();
        run(command);
      }}
    >
      <span className="briefing-grip" aria-hidden="true">
        ⋮⋮
      </span>
      <div className="briefing-item-body">
        {editing ? (
          <ItemEditor item={item} onDone={() => setEditing(false)} />
        ) : item.kind === 'excerpt' ? (
          <Excerpt item={item} />
        ) : item.kind === 'heading' ? (
          <p className="briefing-heading-text">{item.text}</p>
        ) : (
          <p className="briefing-note-text">{item.text}</p>
        )}
      </div>
      <div className="briefing-item-actions" role="group" aria-label={label}>
        {toolsFor(item, index, count).map(({ command, glyph, keys, disabled }) => (
          <button
            key={command}
            type="button"
            className="briefing-tool"
            aria-label={t(TOOL_LABEL[command])}
            title={`${t(TOOL_LABEL[command])} (${keys})`}
            disabled={disabled}
            onClick={() => run(command)}
          >
            {glyph}
          </button>
        ))}
        {item.kind !== 'excerpt' && !editing && (
          <button type="button" className="briefing-tool briefing-tool-text" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
        )}
        <button
          type="button"
          className="briefing-tool briefing-tool-text briefing-danger"
          onClick={() => void briefings.removeItem(item.id)}
        >
          {t('remove')}
        </button>
      </div>
    </li>
  );
}

function Excerpt({ item }: { item: BriefingItem }) {
  const t = useT(briefingStrings);
  const noted = item.marks.filter((m) => m.note);
  const numberOf = (k: number) => noted.indexOf(item.marks[k]!) + 1;
  return (
    <>
      {item.status !== 'ok' && (
        <p className={`briefing-flag briefing-flag-${item.status}`} role="note">
          <strong>{t(`status_${item.status ?? 'orphaned'}`)}</strong>{' '}
          {item.status === 'drifted' ? (
            <>
              {t('driftedHint')} <q className="briefing-source-now">{item.sourceText}</q>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void briefings.acceptSource(item.id)}
              >
                {t('acceptSource')}
              </button>
            </>
          ) : (
            t('orphanedHint')
          )}
        </p>
      )}
      <blockquote className="briefing-quote">
        {markedRuns(item.text, item.marks).map((run, i) => {
          const top = run.marks[run.marks.length - 1];
          const mark = top === undefined ? null : item.marks[top]!;
          const ends = run.marks.filter((k) => item.marks[k]!.note && item.marks[k]!.end === run.end);
          return (
            <span
              key={i}
              className={mark ? `briefing-mark briefing-mark-${mark.kind} ann-c-${mark.color}` : undefined}
            >
              {run.text}
              {ends.map((k) => (
                <sup key={k} className="briefing-note-ref">
                  {numberOf(k)}
                </sup>
              ))}
            </span>
          );
        })}
      </blockquote>
      <p className="briefing-cite">
        —— {item.citation}
        {item.passageId && item.documentId && (
          <button
            type="button"
            className="link-button briefing-source-link"
            onClick={() =>
              navigation.openPassage(item.documentId!, item.passageId!, {
                start: item.start!,
                end: item.end!,
              })
            }
          >
            {t('openSource')}
          </button>
        )}
      </p>
      {noted.length > 0 && (
        <ol className="briefing-notes" aria-label={t('noteCount')}>
          {noted.map((m) => (
            <li key={m.annotationId}>{m.note}</li>
          ))}
        </ol>
      )}
    </>
  );
}

function ItemEditor({ item, onDone }: { item: BriefingItem; onDone: () => void }) {
  const t = useT(briefingStrings);
  return (
    <TextEntry
      label={t(`kind_${item.kind}`)}
      initial={item.text}
      multiline={item.kind === 'note'}
      submitLabel={t('save')}
      onCancel={onDone}
      onSubmit={(text) => {
        if (text !== item.text) void briefings.editItem(item.id, { text });
        onDone();
      }}
    />
  );
}

const TOOL_LABEL = { up: 'moveUp', down: 'moveDown', outdent: 'outdent', indent: 'indent' } as const;

/** The mouse twins of the outline keys, disabled where the key would do nothing. */
function toolsFor(item: BriefingItem, index: number, count: number) {
  const tools = [
    { command: 'up' as const, glyph: '↑', keys: 'Alt+↑', disabled: index === 0 },
    { command: 'down' as const, glyph: '↓', keys: 'Alt+↓', disabled: index === count - 1 },
  ];
  if (item.kind !== 'heading') return tools;
  return [
    ...tools,
    { command: 'outdent' as const, glyph: '←', keys: 'Alt+←', disabled: item.level === 1 },
    { command: 'indent' as const, glyph: '→', keys: 'Alt+→', disabled: item.level === 3 },
  ];
}
