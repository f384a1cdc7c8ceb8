/**
 * Error codes known to the contract, with their messages in both UI languages.
 * Main formats the message in the user's locale; scripts can rely on the code.
 */
export type Locale = 'zh-CN' | 'en';

type Params = Record<string, string | number>;
type Message = (p: Params) => string;

export const errorMessages = {
  invalid_request: {
    'zh-CN': (p: Params) => `请求参数无效：${p.reason ?? ''}`,
    en: (p: Params) => `Invalid request: ${p.reason ?? ''}`,
  },
  unknown_channel: {
    'zh-CN': (p: Params) => `未知的请求通道：${p.channel}`,
    en: (p: Params) => `Unknown request channel: ${p.channel}`,
  },
  not_found: {
    'zh-CN': (p: Params) => `未找到${p.what ?? '记录'}：${p.id}`,
    en: (p: Params) => `Not found: ${p.what ?? 'record'} ${p.id}`,
  },
  internal: {
    'zh-CN': () => '程序内部出错，操作未完成，已有数据未受影响。',
    en: () => 'An internal error stopped this action; existing data was not changed.',
  },
  database_too_new: {
    'zh-CN': (p: Params) =>
      `资料库 ${p.file} 由更新版本的研读创建（结构版本 ${p.found}，本程序支持到 ${p.supported}）。请升级研读后再打开，资料库未作任何改动。`,
    en: (p: Params) =>
      `The library ${p.file} was created by a newer Yandu (schema ${p.found}; this version supports up to ${p.supported}). Upgrade Yandu to open it; the library was not changed.`,
  },
  database_unreadable: {
    'zh-CN': (p: Params) => `无法打开资料库 ${p.file}：${p.reason}`,
    en: (p: Params) => `Cannot open the library ${p.file}: ${p.reason}`,
  },
  import_failed: {
    'zh-CN': (p: Params) => `导入 ${p.file} 失败：${p.reason}`,
    en: (p: Params) => `Could not import ${p.file}: ${p.reason}`,
  },
} satisfies Record<string, Record<Locale, Message>>;

export type ErrorCode = keyof typeof errorMessages;

export function formatError(code: ErrorCode, params: Params = {}, locale: Locale = 'zh-CN'): string {
  return errorMessages[code][locale](params);
}
