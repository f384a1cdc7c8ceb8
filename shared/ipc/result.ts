/** Every IPC reply is one of these: the renderer never sees a raw exception or a stack. */
export interface IpcError {
  code: string;
  message: string;
  /** Optional plain-language detail shown on demand (a file name, the failing field). Never a stack. */
  details?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: IpcError): Result<never> => ({ ok: false, error });
