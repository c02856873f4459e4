#!/usr/bin/env node
/**
 * collections-mock [serve] [options] | contract [options] | record [options] | help [command] | --version
 *
 * Flags are parsed by commander (per-command help, --version, and a value
 * after a flag taken as given, `--processing-ms -5` included, so our checks can
 * name it). Every flag is checked before anything starts. Exit codes: 0 done,
 * 1 an error that is not a flag mistake, 2 a flag mistake.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { createMockServer, PROVIDER_NAMES, type MockServer, type ProviderName, type RateLimitSetting } from './server.js';
import { LOG_FORMATS, createLogger, type Logger } from './core/log.js';
import { exitAfterLogs, exitNow } from './core/exit.js';
import { whyNotWritable } from './core/writable.js';
import { keepHeapSmall } from './heap.js';
import { PACKAGE_VERSION } from './core/paths.js';
import { UsageError, choice, choiceList, clockFlag, httpUrl, nonEmpty, required, shown, wholeNumber, writableFile } from './cli-flags.js';
// The contract suite and the recorder are loaded by their commands only: `serve` starts without them.
import { CHECK_NAMES, FLOW_PROVIDERS, type CheckName } from './contract/names.js';

const NAME = 'collections-mock';
const VERSION = PACKAGE_VERSION;
const COMMANDS = ['serve', 'contract', 'record', 'help'] as const;

const exitCodes = (done: string, error: string) => `
Exit codes:
  0  ${done}
  1  ${error}
  2  a flag mistake (the message names the flag)`;
const EXIT_CODES = exitCodes(
  'done',
  'an error that is not a flag mistake: a port in use, a file that cannot be read or written,\n     a server that does not answer, a failed contract check',
);

/** The command being run and its logger: what an error is reported under, and what the exit lets finish. */
let current: { path: string; log?: Logger } = { path: NAME };

// ---------------------------------------------------------------- serve

interface ServeFlags {
  port?: string;
  host?: string;
  providers?: string;
  root?: string;
  processingMs?: string;
  apiKeys?: string;
  rateLimit?: string;
  scenarios?: string[];
  shippedScenarios: boolean;
  journalSize?: string;
  fixtures?: string;
  fake?: string;
  seed?: string;
  clock?: string;
  persist?: string;
  adminToken?: string;
  console: boolean;
  embeddingsUrl?: string;
  embeddingsModel?: string;
  strict?: boolean;
  quiet?: boolean;
  logFormat?: string;
}

async function serve(o: ServeFlags): Promise<void> {
  const port = o.port !== undefined ? wholeNumber('--port', o.port, 0, 65535) : 4010;
  const host = o.host !== undefined ? nonEmpty('--host', o.host) : '127.0.0.1';
  const providers = o.providers !== undefined ? choiceList('--providers', o.providers, PROVIDER_NAMES, 'provider') : undefined;
  let root: ProviderName | undefined;
  if (o.root !== undefined) {
    root = choice('--root', o.root, PROVIDER_NAMES, 'provider');
    if (providers && !providers.includes(root)) throw new UsageError(`--root ${root} is not among --providers ${providers.join(',')}`);
  }
  const processingMs = o.processingMs !== undefined ? wholeNumber('--processing-ms', o.processingMs, 0, 86_400_000) : 1000;
  const clock = o.clock !== undefined ? clockFlag('--clock', o.clock) : undefined;
  let rateLimit: RateLimitSetting | undefined;
  if (o.rateLimit !== undefined) {
    const rl = o.rateLimit;
    if (rl === 'free' || rl === 'pro') rateLimit = rl;
    else if (/^\d+$/.test(rl) && Number(rl) >= 1) rateLimit = wholeNumber('--rate-limit', rl, 1, 1_000_000);
    else throw new UsageError(`--rate-limit must be free, pro or a whole number ≥ 1 of requests per minute, got ${shown(rl)}`);
  }
  const journalSize = o.journalSize !== undefined ? wholeNumber('--journal-size', o.journalSize, 0, 1_000_000) : undefined;
  const fixtures = o.fixtures !== undefined ? nonEmpty('--fixtures', o.fixtures) : 'default';
  const fake = o.fake !== undefined ? wholeNumber('--fake', o.fake, 0, 10_000) : undefined;
  if (fake && fixtures === 'none') throw new UsageError(`--fake makes records with the fixtures' recipes: it cannot go with --fixtures none`);
  if (o.adminToken !== undefined) nonEmpty('--admin-token', o.adminToken);
  if (o.embeddingsUrl !== undefined) httpUrl('--embeddings-url', o.embeddingsUrl);
  if (o.embeddingsModel !== undefined) {
    nonEmpty('--embeddings-model', o.embeddingsModel);
    if (o.embeddingsUrl === undefined) throw new UsageError('--embeddings-model names the model of --embeddings-url: give the URL too');
  }
  // Saved by writing beside the file and renaming it over: the folder is what must be writable.
  if (o.persist !== undefined) writableFile('--persist', o.persist, { replaced: true });
  const logFormat = o.logFormat !== undefined ? choice('--log-format', o.logFormat, LOG_FORMATS, 'log format') : undefined;

  const log = createLogger(logFormat !== undefined ? { format: logFormat } : {});
  current.log = log;
  // Signals are handled from the start: a server still loading its data stops as cleanly as a ready one.
  const abort = new AbortController();
  let server: MockServer | undefined;
  stopOnSignals(log, 'shutting down', async () => {
    // Stops a start still loading (createMockServer then rejects, below) or closes the ready server.
    abort.abort();
    await server?.close();
    return 0;
  });
  try {
    server = await createMockServer({
      port,
      host,
      ...(providers ? { providers } : {}),
      ...(root ? { root } : {}),
      processingMs,
      ...(o.apiKeys !== undefined ? { apiKeys: o.apiKeys } : {}),
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(o.scenarios ? { scenarios: o.scenarios } : {}),
      ...(o.shippedScenarios === false ? { shippedScenarios: false } : {}),
      ...(journalSize !== undefined ? { journalSize } : {}),
      fixtures,
      ...(o.adminToken !== undefined ? { adminToken: o.adminToken } : {}),
      ...(o.console === false ? { console: false } : {}),
      ...(o.embeddingsUrl !== undefined ? { embeddingsUrl: o.embeddingsUrl } : {}),
      ...(o.embeddingsModel !== undefined ? { embeddingsModel: o.embeddingsModel } : {}),
      ...(o.persist !== undefined ? { persist: o.persist } : {}),
      ...(fake !== undefined ? { fake } : {}),
      ...(o.seed !== undefined ? { seed: o.seed } : {}),
      ...(clock ? { clock: clock.mode, ...(clock.startMs !== undefined ? { clockStartMs: clock.startMs } : {}) } : {}),
      strict: o.strict ?? false,
      quiet: o.quiet ?? false,
      logger: log,
      signal: abort.signal,
    });
  } catch (err) {
    // Stopped by a signal while loading: the stop above exits.
    if (abort.signal.aborted) return;
    throw new Error(listenError(err, host, port), { cause: err });
  }
  const ready = server;
  const mountedList = ready.providers.map((m) => `${ready.url}${m.provider.prefix}`).join(', ');
  process.stderr.write(`collections-mock listening on ${ready.url} (${mountedList})\n`);
  keepHeapSmall();
}

/** A failed listen said in the user's terms (the flag to change); any other start-up error as it is. */
function listenError(err: unknown, host: string, port: number): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use (choose another with --port, or --port 0 for a free one)`;
    case 'EACCES':
      return `not allowed to listen on port ${port} (choose another with --port)`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${host}: it is not an address of this machine (see --host)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on ${host}: no such host (see --host)`;
    default:
      return e.message;
  }
}

/**
 * SIGINT and SIGTERM: `stop` runs once and resolves with the exit code; a
 * second signal exits at once (with 1 during the shutdown, with its code once
 * it is done and only the last log lines are going out). The exit never waits
 * on log lines nobody reads (see core/exit.ts), so a signal always ends the
 * process.
 */
function stopOnSignals(log: Logger, message: string, stop: () => Promise<number>): void {
  let stopping = false;
  let done: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) exitNow(log, done ?? 1);
    stopping = true;
    log.info({ signal }, message);
    stop().then(
      (code) => exitAfterLogs(log, (done = code)),
      (err: unknown) => {
        process.stderr.write(`${current.path}: ${(err as Error).message}\n`);
        return exitAfterLogs(log, (done = 1));
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  stopWithNpm(() => onSignal('SIGTERM'));
}

/**
 * npm (`npm start`, `npx collections-mock`) does not pass SIGTERM on to the
 * command it runs: `kill` on it, as a script or a process manager does, would
 * leave the mock running, orphaned, with its port taken. Started by npm, the
 * mock stops as on SIGTERM when npm goes away.
 */
function stopWithNpm(stop: () => void): void {
  if (process.env.npm_command === undefined) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 250).unref();
}

// ---------------------------------------------------------------- contract

interface ContractFlags {
  provider?: string;
  baseUrl?: string;
  apiKey?: string;
  managementKey?: string;
  apiBaseUrl?: string;
  live?: boolean;
  namespace?: string;
  checks?: string;
  junit?: string;
  seed?: string;
  fuzz?: string;
  stateless?: boolean;
}

async function contract(o: ContractFlags): Promise<void> {
  const provider = choice(
    '--provider',
    required('--provider', o.provider, `the provider whose flow to run (${FLOW_PROVIDERS.join(', ')})`),
    FLOW_PROVIDERS,
    'provider',
  );
  const baseUrl = httpUrl('--base-url', required('--base-url', o.baseUrl, "the provider's base, e.g. http://127.0.0.1:4010/ctxfy"));
  if (o.apiBaseUrl !== undefined) httpUrl('--api-base-url', o.apiBaseUrl);
  const checks = o.checks !== undefined ? choiceList('--checks', o.checks, CHECK_NAMES, 'check') : undefined;
  const fuzz = o.fuzz !== undefined ? wholeNumber('--fuzz', o.fuzz, 0, 100_000) : undefined;
  // A run can take minutes: a report that cannot be written is refused before it.
  if (o.junit !== undefined) writableFile('--junit', o.junit);

  const [{ runContract }, { junit, summary }] = await Promise.all([import('./contract/runner.js'), import('./contract/report.js')]);
  const report = await runContract({
    provider,
    baseUrl,
    ...(o.apiKey !== undefined ? { apiKey: o.apiKey } : {}),
    ...(o.managementKey !== undefined ? { managementKey: o.managementKey } : {}),
    ...(o.apiBaseUrl !== undefined ? { apiBaseUrl: o.apiBaseUrl } : {}),
    ...(o.live ? { live: true } : {}),
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    ...(checks ? { checks: checks as CheckName[] } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.stateless ? { stateless: true } : {}),
    ...(fuzz !== undefined ? { fuzz } : {}),
  });
  process.stdout.write(`${summary(report)}\n`);
  if (o.junit !== undefined) {
    try {
      writeFileSync(o.junit, junit(report));
    } catch (err) {
      throw new Error(`cannot write the JUnit report ${o.junit}: ${(err as Error).message}`, { cause: err });
    }
  }
  process.exitCode = report.failed > 0 ? 1 : 0;
}

// ---------------------------------------------------------------- record

interface RecordFlags {
  provider?: string;
  upstream?: string;
  port?: string;
  host?: string;
  out?: string;
  name?: string;
  quiet?: boolean;
}

async function record(o: RecordFlags): Promise<void> {
  const provider = choice(
    '--provider',
    required('--provider', o.provider, `the provider whose spec judges the exchanges (${PROVIDER_NAMES.join(', ')})`),
    PROVIDER_NAMES,
    'provider',
  );
  const upstream = httpUrl('--upstream', required('--upstream', o.upstream, "the provider's base to forward to, e.g. https://api.ctxfy.com"));
  const port = o.port !== undefined ? wholeNumber('--port', o.port, 0, 65535) : 4011;
  const host = o.host !== undefined ? nonEmpty('--host', o.host) : '127.0.0.1';
  // The file is written after every exchange, beside and renamed over: its folder must take it from the first one.
  if (o.out !== undefined) writableFile('--out', o.out, { replaced: true });
  else {
    const why = whyNotWritable(path.join(process.cwd(), `recorded-${provider}.yaml`), { replaced: true });
    if (why) throw new UsageError(`the scenario file goes to the working directory by default, and ${why}: choose a file with --out`);
  }
  if (o.name !== undefined && !/^[a-z0-9][a-z0-9._-]{0,99}$/.test(o.name)) {
    throw new UsageError(`--name must be lower case letters, digits, '.', '_' or '-' (starting with a letter or digit), got ${shown(o.name)}`);
  }

  const log = createLogger({ format: 'json', level: o.quiet ? 'silent' : 'info' });
  current.log = log;
  const { startRecorder } = await import('./contract/record.js');
  let recorder;
  try {
    recorder = await startRecorder({
      provider,
      upstream,
      port,
      host,
      ...(o.out !== undefined ? { out: o.out } : {}),
      ...(o.name !== undefined ? { name: o.name } : {}),
      log,
    });
  } catch (err) {
    throw new Error(listenError(err, host, port), { cause: err });
  }
  process.stderr.write(
    `collections-mock recording ${provider} on ${recorder.url} → ${upstream}; the scenario file is written as exchanges come, and once more at Ctrl-C/SIGTERM\n`,
  );
  stopOnSignals(log, 'stopping the recorder', async () => {
    const { file, exchanges } = await recorder.close();
    const counted = `${exchanges} exchange${exchanges === 1 ? '' : 's'}`;
    process.stderr.write(file ? `collections-mock record: wrote ${file} (${counted})\n` : `collections-mock record: ${counted}, nothing to write\n`);
    return 0;
  });
}

// ---------------------------------------------------------------- the program

/** Commander's own refusals (an unknown flag, a missing value) as our one line: `collections-mock serve: unknown option '--bogus' (see collections-mock serve --help)`. */
function oneLineErrors(cmd: Command, path: string): Command {
  return cmd.configureOutput({
    outputError: (text, write) =>
      write(
        `${path}: ${text
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim()} (see ${path} --help)\n`,
      ),
  });
}

/** The action of a command: errors are said under the command's name. */
function action<T>(path: string, run: (flags: T) => Promise<void>) {
  return (flags: T) => {
    current = { path };
    // serve sizes its heap once it listens; the other commands from the start.
    if (run !== serve) keepHeapSmall();
    return run(flags);
  };
}

function program(): Command {
  const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
  const top = new Command(NAME)
    .description(`A local, stateful, vendor-faithful mock of collections APIs (${PROVIDER_NAMES.join(', ')}).`)
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', "show a command's options, or this overview")
    .exitOverride()
    .addHelpText('after', `\nWithout a command, serve. "${NAME} <command> --help" lists a command's options.\n${EXIT_CODES}\n`);
  oneLineErrors(top, NAME);

  const serveCmd = top
    .command('serve', { isDefault: true })
    .description('start the mock (the default command)')
    .option('--port <n>', 'TCP port (default 4010; 0 picks a free one)')
    .option('--host <addr>', 'interface to listen on (default 127.0.0.1)')
    .option('--providers <list>', `comma-separated providers to mount (default: all: ${PROVIDER_NAMES.join(', ')})`)
    .option('--root <provider>', 'also serve this provider at / (for clients that cannot take a path prefix)')
    .option('--processing-ms <n>', 'duration of every simulated lifecycle step, ms (default 1000; 0 = at once)')
    .option('--api-keys <file>', 'YAML/JSON file mapping keys to teams; unknown keys are then refused')
    .option(
      '--rate-limit <plan>',
      "enforce Ctxfy's per-user limit: free (10/min), pro (100/min) or N per minute; over it, 429 with Retry-After (default: off, X-RateLimit-* headers still sent)",
    )
    .option('--scenarios <dir>', 'also load scenarios from DIR (DIR/<provider>/*.yaml); repeatable', collect)
    .option('--no-shipped-scenarios', 'do not load the scenario library shipped in scenarios/')
    .option('--journal-size <n>', 'requests kept in the journal (default 1000; 0 keeps none)')
    .option(
      '--fixtures <what>',
      'demo data loaded at start, for the key "demo": default (fixtures/<provider>/*.yaml), none, or a directory of the same shape (default: default)',
    )
    .option('--fake <n>', 'also generate N records per provider (json-schema-faker; reproducible with --seed)')
    .option('--seed <s>', 'make generated ids reproducible')
    .option('--clock <mode>', 'real (default), manual (time moves only by POST /__mock/clock/advance), or manual@TIME to start at an RFC 3339 time')
    .option(
      '--persist <file>',
      'keep the data in FILE: loaded at start (then no fixtures), saved atomically after changes and at shutdown; its folder must exist and be writable; a file that cannot be read stops the start, untouched',
    )
    .option(
      '--admin-token <token>',
      'require "Authorization: Bearer TOKEN" (or "X-Mock-Admin-Token: TOKEN") on the admin API under /__mock (all but its health route); without it the admin API answers only loopback clients',
    )
    .option('--no-console', 'do not serve the web console at /__mock/console (nor keep request and reply bodies for it)')
    .option(
      '--embeddings-url <url>',
      'embed chunks and queries with this OpenAI-compatible /v1/embeddings endpoint (e.g. a local model server) instead of the built-in deterministic embedder; a failed request fails the document being processed',
    )
    .option('--embeddings-model <name>', 'the model to ask --embeddings-url for (default: none sent)')
    .option('--strict', 'answer 500 when a reply does not match the spec (default: log it)')
    .option('--quiet', 'no request lines (warnings and errors still print)')
    .option(
      '--log-format <format>',
      "pretty (one readable line per request) or json (pino's JSON lines), with the same fields (default: pretty when stdout is a terminal, json otherwise)",
    )
    .addHelpText('after', exitCodes('stopped by SIGINT or SIGTERM', 'the start failed (a port in use, a file that cannot be read) or the shutdown did'))
    .action(action(`${NAME} serve`, serve));
  oneLineErrors(serveCmd, `${NAME} serve`);

  const contractCmd = top
    .command('contract')
    .description('run the contract checks against a running server')
    .option('--provider <p>', `the provider whose flow to run (${FLOW_PROVIDERS.join(', ')}); required`)
    .option('--base-url <url>', "the provider's base, e.g. http://127.0.0.1:4010/ctxfy or https://api.ctxfy.com; required")
    .option('--api-key <key>', 'the key to use (default: a fresh key per run, which the mock accepts)')
    .option('--management-key <key>', "xAI's management key for collections (the API key then serves files and search)")
    .option('--api-base-url <url>', "xAI's api host for the Files API and search, when it is not --base-url (e.g. https://api.x.ai)")
    .option('--live', 'the target is the real vendor: operations only the mock serves, or that the vendor no longer serves, are not sent')
    .option('--namespace <n>', "Mixpeek's X-Namespace")
    .option('--checks <list>', `comma-separated checks to apply (default: all: ${CHECK_NAMES.join(', ')})`)
    .option('--junit <file>', 'also write JUnit XML to FILE (checked before the run)')
    .option('--seed <s>', 'make generated names and ids reproducible, and the fuzzed requests')
    .option(
      '--fuzz <n>',
      "also send N generated requests per operation (valid ones from the spec's schemas, invalid ones mutated to break them), one result per operation and check",
    )
    .option(
      '--stateless',
      'the server keeps no state (e.g. Prism): behavioural checks are reported not applicable, purposely invalid requests are judged by not_a_server_error only, flows do not wait for state to change',
    )
    .addHelpText('after', exitCodes('every check passed', 'a check failed, the server could not be reached, or the report could not be written'))
    .action(action(`${NAME} contract`, contract));
  oneLineErrors(contractCmd, `${NAME} contract`);

  const recordCmd = top
    .command('record')
    .description('proxy to a vendor, check every exchange against the spec, and write the exchanges as a scenario file')
    .option('--provider <p>', `the provider whose spec judges the exchanges (${PROVIDER_NAMES.join(', ')}); required`)
    .option('--upstream <url>', "the provider's base to forward to, e.g. https://api.ctxfy.com; required")
    .option('--port <n>', 'local port to listen on (default 4011; 0 picks a free one)')
    .option('--host <addr>', 'interface to listen on (default 127.0.0.1)')
    .option(
      '--out <file>',
      'the scenario file, rewritten after every exchange and at Ctrl-C/SIGTERM (default recorded-<provider>-<timestamp>.yaml); credentials and secret-looking fields are redacted',
    )
    .option('--name <name>', "the scenario's name (default: the file name without .yaml)")
    .option('--quiet', 'no log lines (violations included)')
    .addHelpText(
      'after',
      exitCodes('stopped by SIGINT or SIGTERM, the scenario file written', 'the start failed (a port in use) or the scenario file could not be written'),
    )
    .action(action(`${NAME} record`, record));
  oneLineErrors(recordCmd, `${NAME} record`);
  return top;
}

async function main(argv: string[]): Promise<void> {
  try {
    // A word that names no command would otherwise reach serve as a stray argument.
    const first = argv[0];
    if (first !== undefined && !first.startsWith('-') && !(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`unknown command ${JSON.stringify(first)}; the commands are ${COMMANDS.join(', ')}`);
    }
    await program().parseAsync(argv, { from: 'user' });
  } catch (err) {
    // Help and --version end here too, with code 0; commander has said what was wrong otherwise.
    if (err instanceof CommanderError) exitNow(current.log, err.exitCode === 0 ? 0 : 2);
    if (err instanceof UsageError) {
      process.stderr.write(`${current.path}: ${err.message} (see ${current.path} --help)\n`);
      exitNow(current.log, 2);
    }
    process.stderr.write(`${current.path}: ${(err as Error).message}\n`);
    await exitAfterLogs(current.log, 1);
  }
}

// Not awaited: main handles every error itself, and the bundled command runs as a script (see cli-start.ts).
void main(process.argv.slice(2));
