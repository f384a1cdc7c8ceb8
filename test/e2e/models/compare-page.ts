import type { Locator, Page } from '@playwright/test';

/** The 对照阅读 screen: pickers, the two aligned panes, the change stepper and the phrase lists. */
export class ComparePage {
  readonly root: Locator;
  readonly panes: Locator;
  readonly pickerA: Locator;
  readonly pickerB: Locator;
  readonly summary: Locator;
  readonly stop: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.compare-screen');
    this.panes = this.root.getByRole('region', { name: '对照阅读' });
    this.pickerA = this.root.getByLabel('报告 A');
    this.pickerB = this.root.getByLabel('报告 B');
    this.summary = this.root.getByRole('status');
    this.stop = this.root.locator('.compare-stop');
  }

  /** The row whose A side and B side hold these headings. */
  headingRow(titleA: string | null, titleB: string | null): Locator {
    let row = this.panes.locator('.compare-section');
    if (titleA !== null)
      row = row.filter({ has: this.page.locator('.compare-heading:nth-child(1)', { hasText: titleA }) });
    if (titleB !== null)
      row = row.filter({ has: this.page.locator('.compare-heading:nth-child(2)', { hasText: titleB }) });
    return row;
  }

  focusedRow(): Locator {
    return this.panes.locator('.compare-row:focus');
  }

  phrase(list: '新提法' | '不再提及', phrase: string): Locator {
    return this.root
      .getByRole('region', { name: new RegExp(`^${list}`) })
      .getByRole('button', { name: `在对照中定位“${phrase}”` });
  }

  openInReader(list: '新提法' | '不再提及', phrase: string): Locator {
    return this.root
      .getByRole('region', { name: new RegExp(`^${list}`) })
      .getByRole('button', { name: `在阅读器中打开：${phrase}` });
  }
}
