import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { headingLabel, type DocIndex, type OutlineNode } from './model/doc-index';
import { readerStrings } from './strings';

export interface OutlineProps {
  index: DocIndex;
  title: string;
  currentPassageId: string | null;
  onGo: (passageId: string) => void;
}

/** Where the reading position is in the outline: its sections (outermost first) and its lead passage. */
function locate(index: DocIndex, passageId: string | null) {
  const passage = passageId ? index.passageById.get(passageId) : undefined;
  if (!passage) return { sections: new Set<string>(), leadId: null as string | null };
  const sections = new Set(index.sectionPath(passage.sectionId).map((s) => s.id));
  // A paragraph after a lead-phrase paragraph belongs to that lead until the next one.
  let leadId: string | null = null;
  for (let i = index.position.get(passage.id) ?? -1; i >= 0; i--) {
    const p = index.passages[i];
    if (!p || p.sectionId !== passage.sectionId) break;
    if (p.lead) {
      leadId = p.id;
      break;
    }
  }
  return { sections, leadId };
}

export const Outline = memo(function Outline({ index, title, currentPassageId, onGo }: OutlineProps) {
  const t = useT(readerStrings);
  const here = useMemo(() => locate(index, currentPassageId), [index, currentPassageId]);
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const listRef = useRef<HTMLOListElement>(null);

  // The innermost current entry stays visible in the outline while the text scrolls.
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="location"]')?.scrollIntoView({ block: 'nearest' });
  }, [here]);

  const innermost = [...here.sections].at(-1) ?? null;
  const firstPassage = index.passages[0];

  const renderNode = (node: OutlineNode) => {
    const id = node.section.id;
    const inside = here.sections.has(id);
    const expanded = toggled.get(id) ?? inside;
    const isHere = inside && id === innermost && !(expanded && here.leadId);
    const target = node.firstPassageId;
    return (
      <li key={id} className={`ol-item ol-l${node.section.level}${inside ? ' is-inside' : ''}`}>
        <div className="ol-row">
          <button
            type="button"
            className="ol-link"
            aria-current={isHere ? 'location' : undefined}
            disabled={!target}
            onClick={() => target && onGo(target)}
          >
            <span className="ol-label">{headingLabel(node.section)}</span>
            <span className="ol-title">{node.section.title}</span>
          </button>
          {node.leads.length > 0 && (
            <button
              type="button"
              className="ol-toggle"
              aria-expanded={expanded}
              aria-label={expanded ? t('hideLeads') : t('showLeads')}
              onClick={() => setToggled((m) => new Map(m).set(id, !expanded))}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            </button>
          )}
        </div>
        {expanded && node.leads.length > 0 && (
          <ol className="ol-leads">
            {node.leads.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="ol-link ol-lead"
                  aria-current={p.id === here.leadId ? 'location' : undefined}
                  onClick={() => onGo(p.id)}
                >
                  {p.lead}
                </button>
              </li>
            ))}
          </ol>
        )}
        {node.children.length > 0 && <ol className="ol-children">{node.children.map(renderNode)}</ol>}
      </li>
    );
  };

  return (
    <>
      <h2 className="pane-title">{t('outline')}</h2>
      <ol className="outline" ref={listRef}>
        {firstPassage && (
          <li className="ol-item ol-start">
            <div className="ol-row">
              <button
                type="button"
                className="ol-link"
                title={title}
                aria-current={here.sections.size === 0 && currentPassageId ? 'location' : undefined}
                onClick={() => onGo(firstPassage.id)}
              >
                <span className="ol-title">{t('outlineStart')}</span>
              </button>
            </div>
          </li>
        )}
        {index.outline.map(renderNode)}
      </ol>
    </>
  );
});
