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
  // Backups, restore and a library that cannot be written.
  backup_invalid: {
    'zh-CN': (p: Params) => `${p.file} 不能用于恢复：${p.reason}。当前资料库未作任何改动。`,
    en: (p: Params) => `${p.file} cannot be restored: ${p.reason}. The current library was not changed.`,
  },
  library_in_use: {
    'zh-CN': (p: Params) =>
      `资料库 ${p.file} 正被另一个程序（例如打开着的研读）使用，资料库未作改动；请先关闭它再试。`,
    en: (p: Params) =>
      `The library ${p.file} is open in another program (Yandu itself, perhaps); the library was not changed. Close it and try again.`,
  },
  library_compacting: {
    'zh-CN': () => '正在压缩资料库，暂不能修改；可以继续阅读和搜索，压缩完成后再试。',
    en: () =>
      'The library is being compacted and cannot be changed yet; reading and search still work. Try again when it is done.',
  },
  compact_no_room: {
    'zh-CN': (p: Params) =>
      `磁盘空间不足，未压缩：压缩时需要在资料库旁另写一份副本（至多 ${p.neededMb} MB），只剩 ${p.freeMb} MB。资料库未作任何改动。`,
    en: (p: Params) =>
      `Not enough disk space to compact: a copy of up to ${p.neededMb} MB is written beside the library and only ${p.freeMb} MB are free. The library was not changed.`,
  },
  compact_refused: {
    'zh-CN': (p: Params) => `资料库 ${p.file} 未压缩：${p.reason}。资料库未作任何改动。`,
    en: (p: Params) => `The library ${p.file} was not compacted: ${p.reason}. The library was not changed.`,
  },
  import_running: {
    'zh-CN': (p: Params) => `正在向资料库 ${p.file} 导入文档，资料库未作改动；请等导入完成或取消导入后再试。`,
    en: (p: Params) =>
      `Documents are being imported into the library ${p.file}; the library was not changed. Wait for the import to finish or cancel it, then try again.`,
  },
  file_exists: {
    'zh-CN': (p: Params) => `${p.file} 已存在，未覆盖；请换一个文件名。`,
    en: (p: Params) => `${p.file} already exists and was not overwritten; choose another name.`,
  },
  undo_unavailable: {
    'zh-CN': () => '这次删除已无法撤销（程序已重启、撤销已用过，或同一文档已重新导入）。',
    en: () =>
      'This deletion can no longer be undone (the app restarted, it was undone already, or the document was imported again).',
  },
  database_damaged: {
    'zh-CN': (p: Params) =>
      `资料库 ${p.file} 已损坏（完整性检查：${p.reason}）。${p.backup ? `可恢复最新的完好备份 ${p.backup}（yandu restore ${p.backup}，或在“备份与恢复”中恢复）。` : '没有找到可用的备份。'}`,
    en: (p: Params) =>
      `The library ${p.file} is damaged (integrity check: ${p.reason}). ${p.backup ? `The newest sound backup ${p.backup} can be restored (yandu restore ${p.backup}, or in Backups).` : 'No usable backup was found.'}`,
  },
  library_read_only: {
    'zh-CN': () =>
      '资料库是只读的（文件或所在文件夹没有写入权限，或位于只读共享上），可以阅读、检索和导出，但不能修改。',
    en: () =>
      'The library is read-only (no write permission on the file or its folder, or a read-only share): it can be read, searched and exported, not changed.',
  },
  library_read_only_outdated: {
    'zh-CN': (p: Params) =>
      `资料库 ${p.file} 是只读的，且由旧版研读创建（结构版本 ${p.found}，需要 ${p.supported}）；只读时无法升级。请复制到可写的位置后再打开。`,
    en: (p: Params) =>
      `The library ${p.file} is read-only and was written by an older Yandu (schema ${p.found}; ${p.supported} is needed); it cannot be upgraded while read-only. Copy it somewhere writable and open it there.`,
  },
  import_failed: {
    'zh-CN': (p: Params) => `导入 ${p.file} 失败：${p.reason}`,
    en: (p: Params) => `Could not import ${p.file}: ${p.reason}`,
  },
  // Importer: one code per reason a file cannot be imported; every message names the file.
  file_unreadable: {
    'zh-CN': (p: Params) => `无法读取 ${p.file}：${p.reason}`,
    en: (p: Params) => `Cannot read ${p.file}: ${p.reason}`,
  },
  file_missing: {
    'zh-CN': (p: Params) => `${p.file} 不存在或不是普通文件（文件夹、设备、管道和失效的链接无法导入）。`,
    en: (p: Params) =>
      `${p.file} does not exist or is not a regular file (folders, devices, pipes and broken links cannot be imported).`,
  },
  library_busy: {
    'zh-CN': (p: Params) => `资料库被另一个程序持续写入超过 ${p.seconds} 秒，本次操作未执行；请稍后再试。`,
    en: (p: Params) =>
      `Another program kept writing the library for more than ${p.seconds} s; nothing was done. Try again later.`,
  },
  import_too_many: {
    'zh-CN': (p: Params) =>
      `所选的文件夹或文件共有 ${p.count} 个文件，一次最多导入 ${p.max} 个；请分批选择。`,
    en: (p: Params) =>
      `The choice holds ${p.count} files; at most ${p.max} can be imported at once — choose them in parts.`,
  },
  import_token_unknown: {
    'zh-CN': () => '要导入的文件不是经由“导入文件…”或拖放选择的，或选择已失效；请重新选择文件。',
    en: () =>
      'The files to import were not chosen through “Import files…” or a drop, or the choice has expired; choose them again.',
  },
  file_changed: {
    'zh-CN': (p: Params) => `${p.file} 在读取时被修改，未导入；请等它保存完毕后再导入。`,
    en: (p: Params) =>
      `${p.file} changed while it was read and was not imported; import it again once it is saved.`,
  },
  file_parse_timeout: {
    'zh-CN': (p: Params) => `解析 ${p.file} 超过 ${p.seconds} 秒仍未完成，已停止；资料库未受影响。`,
    en: (p: Params) =>
      `Reading ${p.file} took longer than ${p.seconds} s and was stopped; the library was not changed.`,
  },
  file_parse_crashed: {
    'zh-CN': (p: Params) =>
      `解析 ${p.file} 时超出内存上限（${p.limit}）或解析程序意外停止，已放弃该文件；资料库未受影响。`,
    en: (p: Params) =>
      `Reading ${p.file} exceeded the memory limit (${p.limit}) or the parser stopped unexpectedly; the file was skipped and the library was not changed.`,
  },
  docx_too_large: {
    'zh-CN': (p: Params) =>
      `${p.file} 解压后的内容过大（${p.size}，上限 ${p.limit}），可能是恶意构造的压缩包，未读取。`,
    en: (p: Params) =>
      `${p.file} unpacks to too much data (${p.size}; the limit is ${p.limit}); it may be a zip bomb and was not read.`,
  },
  pdf_too_many_pages: {
    'zh-CN': (p: Params) => `${p.file} 有 ${p.pages} 页，超过 ${p.limit} 页的上限，未读取。`,
    en: (p: Params) => `${p.file} has ${p.pages} pages, more than the limit of ${p.limit}; it was not read.`,
  },
  file_empty: {
    'zh-CN': (p: Params) => `${p.file} 是空文件，没有可导入的内容。`,
    en: (p: Params) => `${p.file} is empty: there is nothing to import.`,
  },
  file_too_large: {
    'zh-CN': (p: Params) => `${p.file} 太大（${p.size}），超过 ${p.limit} 的上限，未读取。`,
    en: (p: Params) => `${p.file} is too large (${p.size}; the limit is ${p.limit}); it was not read.`,
  },
  file_binary: {
    'zh-CN': (p: Params) => `${p.file} 不是文本文档（内容是二进制数据），无法导入。`,
    en: (p: Params) => `${p.file} is not a text document (its content is binary data).`,
  },
  file_encoding: {
    'zh-CN': (p: Params) => `${p.file} 的文字编码无法识别（支持 UTF-8、UTF-16、GB18030/GBK）。`,
    en: (p: Params) =>
      `The text encoding of ${p.file} is not recognised (UTF-8, UTF-16 and GB18030/GBK are supported).`,
  },
  file_unsupported: {
    'zh-CN': (p: Params) =>
      `${p.file} 的格式（${p.format}）不受支持；请另存为 TXT、HTML、DOCX、PDF 或图片（PNG、JPEG、TIFF）。`,
    en: (p: Params) =>
      `${p.file} is in a format Yandu cannot read (${p.format}); save it as TXT, HTML, DOCX, PDF or an image (PNG, JPEG, TIFF).`,
  },
  docx_damaged: {
    'zh-CN': (p: Params) => `${p.file} 不是完整的 Word 文档（可能已损坏或未下载完）：${p.reason}`,
    en: (p: Params) => `${p.file} is not a complete Word document (damaged or truncated): ${p.reason}`,
  },
  pdf_damaged: {
    'zh-CN': (p: Params) => `${p.file} 不是可读的 PDF（可能已损坏）：${p.reason}`,
    en: (p: Params) => `${p.file} is not a readable PDF (it may be damaged): ${p.reason}`,
  },
  pdf_no_text: {
    'zh-CN': (p: Params) => `${p.file} 没有文字层，其页面也没有可识别文字的扫描图像。`,
    en: (p: Params) =>
      `${p.file} has no text layer, and none of its pages is a scanned image with text that could be recognised.`,
  },
  image_too_large: {
    'zh-CN': (p: Params) => `${p.file} 的图像过大（超过 ${p.limit} 像素），未读取。`,
    en: (p: Params) => `${p.file} is too large an image (over ${p.limit} pixels); not read.`,
  },
  image_damaged: {
    'zh-CN': (p: Params) => `${p.file} 不是可读的图像（可能已损坏）：${p.reason}`,
    en: (p: Params) => `${p.file} is not a readable image (it may be damaged): ${p.reason}`,
  },
  duplicate_document: {
    'zh-CN': (p: Params) => `${p.file} 与资料库中的《${p.title}》内容相同，已跳过。`,
    en: (p: Params) => `${p.file} has the same content as “${p.title}” already in the library; skipped.`,
  },
  import_cancelled: {
    'zh-CN': (p: Params) => `已取消：${p.file} 未导入。`,
    en: (p: Params) => `Cancelled: ${p.file} was not imported.`,
  },
  // Annotations.
  annotation_range: {
    'zh-CN': (p: Params) => `批注范围无效：${p.start}–${p.end}（该段共 ${p.length} 字）。`,
    en: (p: Params) =>
      `Invalid annotation range ${p.start}–${p.end} (the passage has ${p.length} characters).`,
  },
  annotation_orphaned: {
    'zh-CN': () => '这条批注在当前版本中找不到原文位置，不能调整范围；可以删除或保留其内容。',
    en: () => 'This annotation has no place in the current edition, so its range cannot be changed.',
  },
  annotation_history_stale: {
    'zh-CN': () => '批注已在别处被修改，无法撤销或重做这一步。',
    en: () => 'The annotation was changed elsewhere; this step cannot be undone or redone.',
  },
  annotation_import_invalid: {
    'zh-CN': (p: Params) => `无法导入批注文件：${p.reason}`,
    en: (p: Params) => `Cannot import the annotation file: ${p.reason}`,
  },
  link_to_itself: {
    'zh-CN': () => '不能把段落关联到它自己。',
    en: () => 'A passage cannot be linked to itself.',
  },
  link_history_stale: {
    'zh-CN': () => '这条关联已在别处被修改，无法撤销或重做这一步。',
    en: () => 'The link was changed elsewhere; this step cannot be undone or redone.',
  },
  // Briefings.
  briefing_full: {
    'zh-CN': (p: Params) => `简报最多 ${p.limit} 项，已满；请另建一份简报。`,
    en: (p: Params) => `A briefing holds at most ${p.limit} items; this one is full. Start another briefing.`,
  },
  excerpt_range: {
    'zh-CN': (p: Params) => `摘录范围无效：${p.start}–${p.end}（该段共 ${p.length} 字）。`,
    en: (p: Params) => `Invalid excerpt range ${p.start}–${p.end} (the passage has ${p.length} characters).`,
  },
  excerpt_source_orphaned: {
    'zh-CN': () => '这条批注在当前版本中找不到原文位置，无法摘入简报。',
    en: () => 'This annotation has no place in the current edition, so it cannot be excerpted.',
  },
  briefing_item_fixed: {
    'zh-CN': () => '摘录是原文引文，不能改写；可以在其后添加评注。',
    en: () => 'An excerpt quotes its source and cannot be rewritten; add a comment after it instead.',
  },
  excerpt_not_drifted: {
    'zh-CN': () => '这条摘录的原文没有改动，无需更新。',
    en: () => 'The source of this excerpt has not changed; there is nothing to update.',
  },
  briefing_history_stale: {
    'zh-CN': () => '简报已在别处被修改（例如来源文件被替换），无法撤销或重做这一步。',
    en: () =>
      'The briefing was changed elsewhere (e.g. a source was replaced); this step cannot be undone or redone.',
  },
  print_too_large: {
    'zh-CN': (p: Params) => `打印内容过多：${p.reason}。请缩小范围（如只打印一节或有批注的段落）。`,
    en: (p: Params) =>
      `Too much to print: ${p.reason}. Choose a smaller scope (one section, or the annotated passages).`,
  },
  print_fonts_missing: {
    'zh-CN': (p: Params) => `找不到打印所需的中文字体：${p.reason}`,
    en: (p: Params) => `No Chinese font for printing: ${p.reason}`,
  },
  print_unavailable: {
    'zh-CN': () => '此环境不能弹出保存或打印对话框（请在桌面应用中使用，或用命令行 yandu print）。',
    en: () => 'Saving or printing needs the desktop app here (or use the command line: yandu print).',
  },
  // Team library (issue 14).
  team_not_joined: {
    'zh-CN': () => '本资料库尚未加入团队（先在“团队”页或用 yandu team join 加入）。',
    en: () => 'This library has not joined a team hub (join on the 团队 screen or with yandu team join).',
  },
  team_already_joined: {
    'zh-CN': () => '本资料库已加入团队；要换一个中心，请先退出（yandu team leave）。',
    en: () => 'This library is already in a team; leave it first (yandu team leave) to join another hub.',
  },
  team_hub_error: {
    'zh-CN': (p: Params) => `团队中心未完成请求：${p.reason}`,
    en: (p: Params) => `The team hub did not complete the request: ${p.reason}`,
  },
} satisfies Record<string, Record<Locale, Message>>;

export type ErrorCode = keyof typeof errorMessages;

export function formatError(code: ErrorCode, params: Params = {}, locale: Locale = 'zh-CN'): string {
  return errorMessages[code][locale](params);
}
