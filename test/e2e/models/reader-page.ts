import type { Locator, Page } from '@playwright/test';

/** The reader screen: outline (left), text (centre), context panel (right). */
export class ReaderPage {
  readonly root: Locator;
  readonly outline: Locator;
  readonly text: Locator;
  readonly panel: Locator;
  readonly popover: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.reader');
    this.outline = page.getByRole('navigation', { name: '目录' });
    this.text = page.getByRole('main', { name: '正文' });
    this.panel = page.getByRole('complementary', { name: '参考面板' });
    this.popover = page.locator('#footnote-popover');
    this.status = page.getByTestId('current-citation');
  }

  title(): Locator {
    return this.text.locator('.doc-title');
  }

  outlineParts(): Locator {
    return this.outline.locator('.ol-l1 > .ol-row .ol-link');
  }

  outlineSections(): Locator {
    return this.outline.locator('.ol-l2 > .ol-row .ol-link');
  }

  outlineCurrent(): Locator {
    return this.outline.locator('[aria-current="location"]');
  }

  passage(containing: string): Locator {
    return this.text.locator('.passage', { hasText: containing });
  }

  leadOf(passage: Locator): Locator {
    return passage.locator('.deco-lead');
  }

  /** Footnote marker `n` inside a passage (a focusable button named 名词解释 n：term). */
  marker(passage: Locator, n: number): Locator {
    return passage.getByRole('button', { name: new RegExp(`^名词解释 ${n}：`) });
  }

  tab(name: string): Locator {
    return this.panel.getByRole('tab', { name });
  }

  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
  }

  glossaryEntry(term: string): Locator {
    return this.panel.locator('.gl-item', { has: this.page.locator('.gl-term-text', { hasText: term }) });
  }

  /** The button that opens or closes a glossary entry. */
  glossaryTerm(term: string): Locator {
    return this.glossaryEntry(term).locator('.gl-term');
  }

  glossaryOccurrences(term: string): Locator {
    return this.glossaryEntry(term).locator('.gl-occurrences .jump-item');
  }

  indicators(): Locator {
    return this.panel.locator('.ms-indicator');
  }

  indicatorGroup(title: string): Locator {
    return this.panel.getByRole('region', { name: title });
  }

  /** Selects all text of a passage (its footnote marker buttons included), as a drag across it would. */
  async selectText(passage: Locator): Promise<void> {
    // Through the element's own document: test code compiles without the DOM library's globals.
    await passage.locator('.passage-text').evaluate((el) => {
      const doc = el.ownerDocument;
      const range = doc.createRange();
      range.selectNodeContents(el);
      const selection = doc.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
  }

  /** The passage element whose focus ring/flash shows where a jump landed. */
  focusedPassage(): Locator {
    return this.text.locator('.passage:focus');
  }
}

/** Selects `needle` inside a passage, as a drag across those characters would. */
export async function selectWithin(passage: Locator, needle: string): Promise<void> {
  await passage.scrollIntoViewIfNeeded();
  await passage.locator('.passage-text').evaluate((root, wanted) => {
    const doc = root.ownerDocument;
    const runs = [...root.querySelectorAll('[data-o]')];
    const full = runs.map((r) => r.textContent ?? '').join('');
    const start = full.indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" not in passage`);
    const end = start + wanted.length;
    const range = doc.createRange();
    let seen = 0;
    for (const run of runs) {
      const node = run.firstChild!;
      const length = node.textContent?.length ?? 0;
      if (start >= seen && start < seen + length) range.setStart(node, start - seen);
      if (end > seen && end <= seen + length) range.setEnd(node, end - seen);
      seen += length;
    }
    const selection = doc.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, needle);
}
