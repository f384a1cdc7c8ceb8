import { PanelGroup } from '../reader/PanelGroup';
import type { Measure, Section } from '../../../../shared/domain/library';
import { useT, type KeyOf, type Translate } from '../../i18n';
import { headingLabel, useReader, type PanelProps } from '../reader';
import {
  groupIndicators,
  qualifierFirst,
  titlesRange,
  writtenValue,
  type IndicatorGroup,
  type IndicatorRow,
} from './model/group-measures';
import { measuresStrings } from './strings';

/** Indicators (targets and actuals with value, unit, change, qualifier, period) and tasks by section. */
export function MeasuresPanel({ doc }: PanelProps) {
  const t = useT(measuresStrings);
  if (doc.measures.length === 0) return <p className="panel-empty">{t('empty')}</p>;
  const indicatorGroups = groupIndicators(doc.measures);
  const tasks = doc.measures.filter((m) => m.kind === 'task');
  // What is planned comes first (targets, then tasks); what was achieved follows.
  const planned = indicatorGroups.filter((g) => g.status === 'target');
  const achieved = indicatorGroups.filter((g) => g.status !== 'target');
  return (
    <div className="panel measures-panel">
      {planned.map((g) => (
        <IndicatorSection key={`${g.status}|${g.period}`} group={g} />
      ))}
      {tasks.length > 0 && <TaskSection tasks={tasks} />}
      {achieved.map((g) => (
        <IndicatorSection key={`${g.status}|${g.period}`} group={g} />
      ))}
    </div>
  );
}

function groupTitle(t: Translate<KeyOf<typeof measuresStrings>>, g: IndicatorGroup) {
  if (!g.period || !g.status) return t('otherGroup');
  const yearOnly = /^\d{4}$/.test(g.period);
  if (g.status === 'target')
    return yearOnly ? t('targetGroup', { period: g.period }) : t('periodGroupTarget', { period: g.period });
  return yearOnly ? t('actualGroup', { period: g.period }) : t('periodGroupActual', { period: g.period });
}

function IndicatorSection({ group }: { group: IndicatorGroup }) {
  const t = useT(measuresStrings);
  const title = groupTitle(t, group);
  return (
    <PanelGroup title={title} count={t('count', { n: group.count })}>
      <ul className="ms-indicators">
        {group.rows.map((row) => (
          <li key={row.id}>
            <IndicatorCard row={row} />
          </li>
        ))}
      </ul>
    </PanelGroup>
  );
}

function IndicatorCard({ row }: { row: IndicatorRow }) {
  const t = useT(measuresStrings);
  const reader = useReader();
  const first = row.figures[0] as Measure;
  const text = reader.index.passageById.get(row.passageId)?.text ?? '';
  const titles = row.figures.map((m) => m.title);
  return (
    <button
      type="button"
      className="ms-indicator"
      data-measure-id={row.figures.map((m) => m.id).join(' ')}
      title={t('jump', { title: titles.join('，') })}
      onClick={() => reader.openPassage(row.passageId, titlesRange(text, titles))}
    >
      <span className="ms-name">{row.name}</span>
      <span className="ms-meta">
        {first.period && <span className="ms-period">{first.period}</span>}
        {first.status && <span className={`chip chip-${first.status}`}>{t(first.status)}</span>}
      </span>
      <span className="ms-figures">
        {row.figures.map((m) => (
          <span key={m.id} className="ms-figure">
            {m.change && <span className="ms-change">{m.change}</span>}
            {m.qualifier && qualifierFirst(m.qualifier) && (
              <span className="ms-qualifier">{m.qualifier}</span>
            )}
            <span className="ms-value">{writtenValue(m)}</span>
            {m.unit && <span className="ms-unit">{m.unit}</span>}
            {m.qualifier && !qualifierFirst(m.qualifier) && (
              <span className="ms-qualifier">{m.qualifier}</span>
            )}
          </span>
        ))}
      </span>
    </button>
  );
}

function TaskSection({ tasks }: { tasks: Measure[] }) {
  const t = useT(measuresStrings);
  const reader = useReader();
  const groups = new Map<string, { section: Section | null; items: Measure[] }>();
  for (const task of tasks) {
    const passage = reader.index.passageById.get(task.passageId);
    const section = reader.index.sectionPath(passage?.sectionId ?? null).at(-1) ?? null;
    const key = section?.id ?? '';
    const g = groups.get(key) ?? { section, items: [] };
    g.items.push(task);
    groups.set(key, g);
  }
  return (
    <PanelGroup title={t('tasks')} count={t('count', { n: tasks.length })}>
      {[...groups.values()].map(({ section, items }) => (
        <div key={section?.id ?? ''} className="ms-task-group">
          <h4 className="ms-task-section">
            {section ? headingLabel(section) + section.title : t('tasksOutside')}
          </h4>
          <ul className="ms-tasks">
            {items.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="jump-item ms-task"
                  data-measure-id={m.id}
                  onClick={() =>
                    reader.openPassage(
                      m.passageId,
                      titlesRange(reader.index.passageById.get(m.passageId)?.text ?? '', [m.title]),
                    )
                  }
                >
                  {m.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </PanelGroup>
  );
}
