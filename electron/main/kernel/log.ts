/**
 * Where errors of background work go (indexing, rolling backups): nobody awaits that work, so its
 * failures are written to the process's error stream (the main log of the app, stderr of the CLI)
 * instead of vanishing.
 */
export function logBackgroundError(task: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[yandu] ${task} failed: ${text.slice(0, 4000)}`);
}
