import { expect, screenshotPath, test } from './fixtures';

/**
 * Text read by OCR, as the reader shows it: a 识别 badge with the confidence on each such passage,
 * and a wavy underline under the lines OCR was least sure of. The marks are set on the bundled
 * report's rows as an OCR import stores them (the OCR itself is tested in test/unit/ingest/ocr.test.ts).
 */
test('passages read by OCR carry a 识别 badge, and their doubtful lines are underlined', async ({
  app,
  core,
}) => {
  core.ctx.db
    .prepare(`UPDATE passages SET ocr_confidence = ?, ocr_low = ? WHERE ordinal = 2`)
    .run(0.934, JSON.stringify([[10, 30]]));
  core.ctx.db.prepare(`UPDATE passages SET ocr_confidence = ?, ocr_low = '[]' WHERE ordinal = 3`).run(0.991);
  await app.start();
  const { reader } = app;
  const badges = app.page.locator('.ocr-badge');
  await expect(badges).toHaveCount(2);
  await expect(badges.first()).toHaveText('识别 93%');
  await expect(badges.first()).toHaveAttribute('title', /置信度 93%；1 行把握较低/);
  await expect(badges.nth(1)).toHaveText('识别 99%');
  const doubtful = app.page.locator('.deco-ocr-low');
  await expect(doubtful.first()).toHaveCSS('text-decoration-style', 'wavy');
  // The badge is not part of the text: the underlined range is the stored one.
  const stored = core.ctx.db.prepare(`SELECT text FROM passages WHERE ordinal = 2`).pluck().get() as string;
  expect((await doubtful.allInnerTexts()).join('')).toBe(stored.slice(10, 30));
  const passage = badges.first().locator('xpath=ancestor::p[1]');
  await expect(reader.title()).toBeVisible();
  await passage.scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: screenshotPath('reader-ocr') });
});
