import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES } from '../../../electron/main/security-policy';

const root = path.resolve(__dirname, '../../..');

describe('window security policy', () => {
  it('isolates the renderer from Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('allows no remote or inline script', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  it('is also declared in the renderer page itself', () => {
    const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('keeps the shell the only place that imports electron', () => {
    const shell = new Set([
      'electron/main/index.ts',
      'electron/main/window.ts',
      'electron/main/desktop-platform.ts',
      'electron/main/ipc/register.ts',
      'electron/preload/index.ts',
    ]);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(entry.name) && !shell.has(rel)) {
          const text = fs.readFileSync(path.join(root, rel), 'utf8');
          if (/from 'electron'|require\('electron'\)/.test(text)) offenders.push(rel);
        }
      }
    };
    ['electron', 'shared', 'renderer/src'].forEach(walk);
    expect(offenders).toEqual([]);
  });
});
