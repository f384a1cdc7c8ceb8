/**
 * A small typed i18n: each feature declares its own table with `defineStrings(zhCN, en)` in its
 * `strings.ts` (English must have exactly the Chinese keys), and components get a bound `t` from
 * `useT(table)`. zh-CN is the default locale; the choice persists in localStorage.
 *
 *   export const readerStrings = defineStrings({ close: '关闭' }, { close: 'Close' });
 *   const t = useT(readerStrings); t('close');
 *
 * Placeholders are `{name}`: t('count', { n: 3 }).
 */
import { useCallback } from 'react';
import { createStore, useStore } from '../lib/store';

export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];
export type Params = Record<string, string | number>;

export interface StringTable<K extends string> {
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

export type Translate<K extends string> = (key: K, params?: Params) => string;

const localeStore = createStore<Locale>('zh-CN', 'yandu.locale');

export function getLocale(): Locale {
  const l = localeStore.get();
  return locales.includes(l) ? l : 'zh-CN';
}

export function setLocale(locale: Locale): void {
  localeStore.set(locale);
}

export function useLocale(): Locale {
  useStore(localeStore);
  return getLocale();
}

export function defineStrings<K extends string>(
  zhCN: Record<K, string>,
  en: Record<NoInfer<K>, string>,
): StringTable<K> {
  return { 'zh-CN': zhCN, en };
}

export function translate<K extends string>(
  table: StringTable<K>,
  key: K,
  params?: Params,
  locale: Locale = getLocale(),
): string {
  const template = table[locale][key] ?? table['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The table's `t` for the current locale; the component re-renders when the locale changes. */
export function useT<K extends string>(table: StringTable<K>): Translate<K> {
  const locale = useLocale();
  return useCallback((key: K, params?: Params) => translate(table, key, params, locale), [table, locale]);
}

/** For labels registered at module load (tabs, shortcut lists): a function evaluated at render time. */
export function lazyT<K extends string>(table: StringTable<K>): (key: K) => () => string {
  return (key) => () => translate(table, key);
}

/** The key union of a table: `KeyOf<typeof readerStrings>`. */
export type KeyOf<T> = T extends StringTable<infer K> ? K : never;
