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

  /**
   * Starts with the library's answer to "which document first" held, as a slow start would: the
   * app shows its starting message until the returned function lets the answer through.
   */
  async startHeld(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await this.page.route('**/__bridge/invoke', async (route) => {
      if ((route.request().postDataJSON() as { channel?: string }).channel === 'documents:default')
        await held;
      await route.continue();
    });
    await this.start();
    await this.page.locator('.screen-message').waitFor();
    return release;
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
