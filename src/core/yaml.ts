/**
 * YAML, loaded on first use. The YAML files shipped with the mock (scenarios,
 * fixtures) are parsed at build time into `dist/yaml-cache.json`, keyed by a
 * hash of their text, so a start with the shipped files parses none of them;
 * any other file, or a shipped one edited since the build, is parsed here.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';
import type { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

const require = createRequire(import.meta.url);

/** The build's cache, in the package's `dist/` whether this runs from `src/` or `dist/`. */
export const YAML_CACHE_FILE = packagePath('dist', 'yaml-cache.json');

type Options = ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions;

let yaml: typeof import('yaml') | undefined;

export function parseYaml(text: string, options?: Options): unknown {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml.parse(text, options);
}

/** The cache key of a YAML text: a hash of its UTF-8 bytes (the same whether given as the text or as the file's bytes). */
export const yamlTextHash = (text: string | Buffer): string => createHash('sha256').update(text).digest('base64url');

let cache: Record<string, string> | null | undefined;

function cached(text: string): string | undefined {
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(YAML_CACHE_FILE, 'utf8')) as Record<string, string>;
    } catch {
      cache = null;
    }
  }
  return cache?.[yamlTextHash(text)];
}

/** Parses a YAML file's text: from the build's cache when the text is one it parsed (a fresh copy each time), else with the YAML parser. */
export function parseYamlText(text: string): unknown {
  const json = cached(text);
  return json !== undefined ? JSON.parse(json) : parseYaml(text);
}
