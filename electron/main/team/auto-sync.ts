import { AppError } from '../kernel/app-error';
import { logBackgroundError } from '../kernel/log';
import type { TeamService } from './team-service';

/**
 * The desktop's background sync: every few minutes while the library is in a team. Being offline
 * is normal (the hub error is kept as the status's lastError for the 团队 screen); anything else is
 * logged. Returns the stop function; the timer never keeps the app alive.
 */
export function startTeamAutoSync(team: () => TeamService, intervalMs = 3 * 60_000): () => void {
  const tick = async () => {
    const service = team();
    if (!(await service.status(false)).joined) return;
    await service.sync();
  };
  const timer = setInterval(() => {
    tick().catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'team_hub_error') return;
      logBackgroundError('team sync', error);
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
