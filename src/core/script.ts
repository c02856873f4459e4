/**
 * The bundled command as one script (dist/cli-main.cjs, see
 * scripts/build-cli.mjs), compiled with the V8 code cache the build wrote
 * beside it (`<file>.cache`). A cache V8 refuses (another Node) is ignored, and
 * the script compiled from its text. The build writes it in ASCII: it is read
 * as Latin-1 (a copy of the bytes) rather than decoded.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/** What the script's code is wrapped in: CommonJS's parameters, and the function its import() expressions call. */
const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', 'importModule'];

export interface CompiledScript {
  script: vm.Script;
  /** Whether a code cache was found and V8 took it. */
  cached: boolean;
}

export function compileScript(file: string): CompiledScript {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const bytes = readFileSync(file);
  const script = new vm.Script(`(function (${PARAMS.join(', ')}) {${bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  return { script, cached: cachedData !== undefined && !script.cachedDataRejected };
}
