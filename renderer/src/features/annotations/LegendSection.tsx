import { useState } from 'react';
import type { AnnotationColor, AnnotationPrefs } from '../../../../shared/domain/annotations';
import { useT } from '../../i18n';
import { annotations } from './annotation-store';
import { annotationStrings } from './strings';

/** The meaning of each colour, named once by the user (红 = 量化目标); saved when a field is left. */
export function LegendSection({ prefs }: { prefs: AnnotationPrefs | null }) {
  const t = useT(annotationStrings);
  if (!prefs) return null;
  return (
    <details className="ann-legend">
      <summary>{t('legend')}</summary>
      <p className="panel-note">{t('legendHelp')}</p>
      {prefs.colors.map(({ color, label }) => (
        <LabelField key={`${color}:${label}`} color={color} label={label} />
      ))}
    </details>
  );
}

function LabelField({ color, label }: { color: AnnotationColor; label: string }) {
  const t = useT(annotationStrings);
  const [value, setValue] = useState(label);
  const name = t(`colorName_${color}`);
  const save = () => {
    const next = value.trim();
    if (next && next !== label) void annotations.setColorLabel(color, next);
    else setValue(label);
  };
  return (
    <label className={`ann-legend-row ann-c-${color}`}>
      <span className="ann-swatch-dot" aria-hidden="true" />
      <span className="ann-legend-name">{name}</span>
      <input
        className="panel-filter"
        aria-label={t('labelFor', { color: name })}
        value={value}
        maxLength={20}
        onChange={(e) => setValue(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
    </label>
  );
}
