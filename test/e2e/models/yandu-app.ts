import type { Page } from '@playwright/test';
import type { Core } from '../../../electron/main/core/app-core';
import { LibraryPage } from './library-page';
import { ReaderPage } from './reader-page';

/** The whole window, Joplin-style: the specs talk to screens, not selectors. */
export class YanduApp {
  readonly library: LibraryPage;
  readonly reader: ReaderPage;

  constructor(
    readonly page: Page,
    readonly core: Core,
  ) {
    this.library = new LibraryPage(page);
    this.reader = new ReaderPage(page);
  }

  /** Opens the app as a fresh start does and waits until a screen is shown. */
  async start(): Promise<void> {
    await this.page.goto('/');
    await this.page.locator('.library, .reader, .screen-message').first().waitFor();
  }

  topBar() {
    return this.page.locator('header.topbar');
  }

  async openLibrary(): Promise<LibraryPage> {
    await this.topBar()
      .getByRole('button', { name: /^书架$|^Library$/ })
      .click();
    await this.library.root.waitFor();
    return this.library;
  }

  async pressShortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }
}
