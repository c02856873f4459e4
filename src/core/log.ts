import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** JSON lines on stdout (pino). `quiet` silences everything but errors that would otherwise be lost. */
export function createLogger(options: { quiet?: boolean; level?: string } = {}): Logger {
  return pino({ level: options.quiet ? 'silent' : (options.level ?? 'info'), base: { name: 'collections-mock' } });
}
