import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl } from '../../../electron/main/ipc/trusted-sender';

const builtApp = 'file:///opt/Yandu/resources/app.asar/out/renderer/index.html';
const devServer = 'http://localhost:5173';

describe('isTrustedRendererUrl', () => {
  it.each([
    [builtApp, builtApp, true],
    ['file:///opt/Yandu/resources/app.asar/out/renderer/index.html#/reader', builtApp, true],
    ['file:///opt/Yandu/resources/app.asar/out/renderer/assets/x.html', builtApp, true],
    ['file:///etc/passwd', builtApp, false],
    ['file:///opt/Yandu/resources/app.asar/out/renderer/../../evil.html', builtApp, false],
    ['https://example.com/', builtApp, false],
    ['http://localhost:5173/', devServer, true],
    ['http://localhost:5173/index.html?x=1', devServer, true],
    ['http://localhost:5174/', devServer, false],
    ['http://127.0.0.1:5173/', devServer, false],
    ['file:///opt/Yandu/resources/app.asar/out/renderer/index.html', devServer, false],
    ['not a url', builtApp, false],
    ['', builtApp, false],
  ])('%s against %s → %s', (frame, app, expected) => {
    expect(isTrustedRendererUrl(frame, app)).toBe(expected);
  });
});
