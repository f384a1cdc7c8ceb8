import { locales, setLocale, useLocale, useT, type Locale } from '../i18n';
import { Dialog } from './Dialog';
import { updateSettings, useSettings, type TextSize, type Theme } from './settings';
import { appStrings } from './strings';

const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function Choice<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (v: V) => void;
}) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={o.value} className="choice-option">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(appStrings);
  const settings = useSettings();
  const locale = useLocale();
  return (
    <Dialog open={open} onClose={onClose} title={t('settings')} closeLabel={t('close')}>
      <Choice<Theme>
        legend={t('theme')}
        name="theme"
        value={settings.theme}
        options={[
          { value: 'light', label: t('themeLight') },
          { value: 'dark', label: t('themeDark') },
        ]}
        onChange={(theme) => updateSettings({ theme })}
      />
      <Choice<TextSize>
        legend={t('textSize')}
        name="text-size"
        value={settings.textSize}
        options={[
          { value: 'standard', label: t('sizeStandard') },
          { value: 'large', label: t('sizeLarge') },
          { value: 'x-large', label: t('sizeXLarge') },
        ]}
        onChange={(textSize) => updateSettings({ textSize })}
      />
      <Choice<Locale>
        legend={t('language')}
        name="locale"
        value={locale}
        options={locales.map((l) => ({ value: l, label: localeNames[l] }))}
        onChange={setLocale}
      />
    </Dialog>
  );
}
