import type { Locator, Page } from '@playwright/test';

/** The print dialog (Ctrl+P in the reader): options, font list, page previews, save and print. */
export class PrintDialogPage {
  readonly root: Locator;
  readonly previews: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: /打印与导出|Print and export/ });
    this.previews = this.root.getByRole('img', { name: /第 \d+ 页预览|Preview of page/ });
    this.status = this.root.getByRole('status');
  }

  choose(label: string): Promise<void> {
    return this.root.getByText(label, { exact: true }).click();
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  fonts(): Locator {
    return this.root.getByRole('region', { name: /字体|Fonts/ });
  }
}
