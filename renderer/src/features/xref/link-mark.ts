import { createStore, useStore } from '../../lib/store';

/** The paragraph the user remembered in the 关联 tab, to link it to another one (possibly in another document). */
export interface LinkMark {
  passageId: string;
  citation: string;
}

const mark = createStore<LinkMark | null>(null);

export const linkMark = {
  set: (m: LinkMark | null) => mark.set(() => m),
  get: mark.get,
};

export const useLinkMark = () => useStore(mark);
