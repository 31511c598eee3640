/** Reading one text file, with the reasons a user understands when it cannot be read. */
import { readTextFile } from './text-file.js';

/** Read a text file (host/text-file.ts: UTF-8 checked, UTF-16 with a BOM); `shown` names it in errors. */
export function readText(file: string, shown = file): string {
  return readTextFile(file, shown).text;
}

/** A file-system error in a few words. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return (error as Error).message;
}
