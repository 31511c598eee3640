/** Reading one text file, with the reasons a user understands when it cannot be read. */
import { readFileSync } from 'node:fs';
import { InputError } from './input-error.js';

/** Read a UTF-8 file (a BOM is kept, so that writing back keeps it); `shown` names it in errors. */
export function readText(file: string, shown = file): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read: ${reason(error)}.`, shown);
  }
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
