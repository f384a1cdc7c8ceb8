import type { Locator, Page } from '@playwright/test';

export class LibraryPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.library');
  }

  yearGroup(year: number | string): Locator {
    return this.root.getByRole('region', { name: `${year}年` });
  }

  document(title: string): Locator {
    return this.root.locator('.doc-row', { hasText: title });
  }

  async open(title: string): Promise<void> {
    await this.document(title).click();
  }
}
