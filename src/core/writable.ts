/**
 * Whether a file can be written where it is named, asked before the work that
 * ends in writing it: a start-up that refuses a bad path costs nothing, a
 * recording or a contract run that only finds out at the end loses its work.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Why `file` cannot be written, or undefined when it can. `replaced`: the file
 * is written beside and renamed over (only its folder must be writable);
 * otherwise it is written in place, so an existing file must be writable too.
 */
export function whyNotWritable(file: string, options: { replaced?: boolean } = {}): string | undefined {
  if (file === '') return 'no file named';
  const dir = path.dirname(path.resolve(file));
  let folder;
  try {
    folder = statSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `the folder ${dir} does not exist`
      : code === 'ENOTDIR'
        ? `${dir} is not a folder`
        : `the folder ${dir} cannot be used (${code})`;
  }
  if (!folder.isDirectory()) return `${dir} is not a folder`;
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `the folder ${dir} is not writable`;
  }
  let existing;
  try {
    existing = statSync(file);
  } catch {
    return undefined; // not there yet: the folder takes it
  }
  if (existing.isDirectory()) return `${file} is a folder`;
  if (!options.replaced) {
    try {
      accessSync(file, constants.W_OK);
    } catch {
      return `${file} is not writable`;
    }
  }
  return undefined;
}
