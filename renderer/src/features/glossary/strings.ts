import { defineStrings } from '../../i18n';

export const glossaryStrings = defineStrings(
  {
    tab: '名词解释',
    filter: '筛选名词',
    filterPlaceholder: '筛选名词…',
    empty: '本文档没有名词解释。',
    noMatch: '没有符合“{q}”的名词。',
    count: '共 {n} 条',
    occurrences: '出现位置（{n}）',
    noOccurrences: '正文中未找到这个名词。',
    loading: '正在查找出现位置…',
    loadFailed: '无法列出出现位置：{message}',
    marker: '注',
    mention: '提及',
  },
  {
    tab: 'Glossary',
    filter: 'Filter terms',
    filterPlaceholder: 'Filter terms…',
    empty: 'This document has no glossary.',
    noMatch: 'No term matches “{q}”.',
    count: '{n} entries',
    occurrences: 'Where it appears ({n})',
    noOccurrences: 'The term does not appear in the text.',
    loading: 'Finding where it appears…',
    loadFailed: 'Could not list where it appears: {message}',
    marker: 'note',
    mention: 'mention',
  },
);
