import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/domain/library';
import {
  defaultLibraryView,
  filterOptions,
  libraryGroups,
} from '../../../renderer/src/features/library/model/library-view';

const doc = (id: string, over: Partial<DocumentSummary>): DocumentSummary => ({
  id,
  title: id,
  issuer: null,
  date: null,
  year: null,
  level: 'unknown',
  region: null,
  passages: 1,
  glossary: 0,
  measures: 0,
  annotations: 0,
  importedAt: '2026-01-01',
  ...over,
});

const docs = [
  doc('a', {
    year: 2021,
    date: '2021-01-11',
    issuer: '厦门市湖里区人民政府',
    level: 'district',
    annotations: 2,
  }),
  doc('b', { year: 2021, date: '2021-03-05', issuer: '国务院', level: 'national', annotations: 7 }),
  doc('c', { year: 2024, date: '2024-03-05', issuer: '国务院', level: 'national' }),
  doc('d', { issuer: null }),
];
const ids = (groups: ReturnType<typeof libraryGroups>) =>
  groups.map((g) => [g.year, g.documents.map((d) => d.id)]);

describe('library sort and filters', () => {
  it('offers the years, issuers and levels the library has', () => {
    expect(filterOptions(docs)).toEqual({
      years: [2024, 2021],
      issuers: ['国务院', '厦门市湖里区人民政府'],
      levels: ['district', 'national', 'unknown'],
    });
  });

  it('filters by year, issuer and level together', () => {
    expect(ids(libraryGroups(docs, { ...defaultLibraryView, issuer: '国务院' }))).toEqual([
      [2024, ['c']],
      [2021, ['b']],
    ]);
    expect(ids(libraryGroups(docs, { ...defaultLibraryView, issuer: '国务院', year: 2021 }))).toEqual([
      [2021, ['b']],
    ]);
    expect(ids(libraryGroups(docs, { ...defaultLibraryView, level: 'district' }))).toEqual([[2021, ['a']]]);
    expect(libraryGroups(docs, { ...defaultLibraryView, level: 'province' })).toEqual([]);
  });

  it('sorts newest or oldest first (undated last), by issuer, or most annotated first', () => {
    expect(ids(libraryGroups(docs, defaultLibraryView))).toEqual([
      [2024, ['c']],
      [2021, ['b', 'a']],
      [null, ['d']],
    ]);
    expect(ids(libraryGroups(docs, { ...defaultLibraryView, sort: 'oldest' }))).toEqual([
      [2021, ['a', 'b']],
      [2024, ['c']],
      [null, ['d']],
    ]);
    expect(ids(libraryGroups(docs, { ...defaultLibraryView, sort: 'issuer' }))[1]).toEqual([
      2021,
      ['b', 'a'],
    ]);
    const annotated = libraryGroups([...docs, doc('e', { year: 2021, date: '2021-12-01', annotations: 1 })], {
      ...defaultLibraryView,
      sort: 'annotations',
    });
    expect(ids(annotated)[1]).toEqual([2021, ['b', 'a', 'e']]);
  });
});
