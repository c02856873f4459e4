/**
 * The validators the build compiles (dist/validators/<spec>.<kind>.cjs, Ajv
 * standalone code, indexed by <spec>.cjs) are the ones the server uses, and
 * they judge exactly as Ajv compiling the same schemas at run time: same
 * verdicts, same issues, same defaults and coercions applied. A spec the build
 * did not compile falls back to Ajv.
 */
import { isAscii } from 'node:buffer';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec, type Spec } from '../src/core/spec.js';
import { SpecValidators, validatorEntries, type ValidatorEntry } from '../src/core/validation.js';
import { YAML_CACHE_FILE, parseYaml, parseYamlText } from '../src/core/yaml.js';

const root = path.resolve(import.meta.dirname, '..');
const specsDir = path.join(root, 'specs');
const specFiles = readdirSync(specsDir).filter((f) => f.endsWith('.yaml'));

/** Values each validator is tried with: the spec's examples, and each broken in the usual ways. */
function samples(spec: Spec, entry: ValidatorEntry): unknown[] {
  const out: unknown[] = [null, {}, [], 'text', 0, -1.5, true, { unexpected: 1 }];
  const examples: unknown[] = [];
  const [kind, opId, ...rest] = entry.key.split(' ');
  const op = opId ? spec.operations.get(opId) : undefined;
  if (op && kind === 'response') {
    const media = op.responses[rest[0]!]?.content[rest[1]!];
    if (media?.example !== undefined) examples.push(media.example);
    for (const e of Object.values(media?.examples ?? {})) if (e.value !== undefined) examples.push(e.value);
  }
  if (op && kind === 'body') {
    const media = op.requestBody?.content[rest[0]!];
    if (media?.example !== undefined) examples.push(media.example);
    for (const e of Object.values(media?.examples ?? {})) if (e.value !== undefined) examples.push(e.value);
  }
  if (op && kind === 'params') {
    const place = rest[0];
    const params = op.parameters.filter((p) => p.in === place);
    // Strings as they arrive on the wire, a plausible one and a wrong one per parameter.
    out.push(Object.fromEntries(params.map((p) => [p.in === 'header' ? p.name.toLowerCase() : p.name, '1'])));
    out.push(Object.fromEntries(params.map((p) => [p.in === 'header' ? p.name.toLowerCase() : p.name, 'not-a-number ~ %'])));
  }
  for (const example of examples) {
    out.push(example);
    if (example && typeof example === 'object' && !Array.isArray(example)) {
      for (const key of Object.keys(example)) {
        for (const wrong of [null, 12345, 'x', { nested: true }, []]) out.push({ ...example, [key]: wrong });
        const { [key]: _dropped, ...without } = example as Record<string, unknown>;
        out.push(without);
      }
      out.push({ ...example, surplus_field: 'x' });
    }
  }
  return out;
}

describe.each(specFiles)('precompiled validators of specs/%s', (file) => {
  const spec = loadSpec(path.join(specsDir, file), file.replace(/\.yaml$/, ''));
  const precompiled = new SpecValidators(spec);
  const compiled = new SpecValidators(spec, { precompiled: false });

  it("are the build's, for the spec as it is now", () => {
    expect(precompiled.source).toBe('precompiled');
    expect(compiled.source).toBe('ajv');
  });

  it('judge every sample exactly as Ajv does, and change the data the same way', () => {
    let compared = 0;
    let failing = 0;
    for (const entry of validatorEntries(spec)) {
      const a = precompiled.entry(entry);
      const b = compiled.entry(entry);
      for (const sample of samples(spec, entry)) {
        const x = structuredClone(sample);
        const y = structuredClone(sample);
        const issuesA = a(x);
        const issuesB = b(y);
        expect({ key: entry.key, issues: issuesA, data: x }).toEqual({ key: entry.key, issues: issuesB, data: y });
        compared++;
        if (issuesA.length) failing++;
      }
    }
    // Both verdicts were seen many times: the samples are not all valid, nor all invalid.
    expect(compared).toBeGreaterThan(500);
    expect(failing).toBeGreaterThan(100);
    expect(failing).toBeLessThan(compared);
  });
});

describe('a spec the build did not compile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cm-validation-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is validated by Ajv at run time, with the same verdicts', () => {
    mkdirSync(path.join(dir, 'specs'));
    const copy = path.join(dir, 'specs', 'xai.yaml');
    copyFileSync(path.join(specsDir, 'xai.yaml'), copy);
    const spec = loadSpec(copy, 'xai');
    const v = new SpecValidators(spec);
    expect(v.source).toBe('ajv');
    const create = v.for(spec.operations.get('createCollection')!).body('application/json')!;
    expect(create({ collection_name: 'ok' })).toEqual([]);
    expect(create({ collection_name: 5 }).map((i) => [i.pointer, i.rule, i.value])).toEqual([['/collection_name', 'type', 5]]);
  });
});

describe("the build's copies, read as Latin-1", () => {
  it('are ASCII: each spec as JSON (the document the YAML parser gives) and each validator module', () => {
    for (const file of specFiles) {
      const bytes = readFileSync(path.join(root, 'dist', 'specs', file.replace(/\.yaml$/, '.json')));
      expect(isAscii(bytes), file).toBe(true);
      expect(JSON.parse(bytes.toString('latin1')).doc).toEqual(parseYaml(readFileSync(path.join(specsDir, file), 'utf8'), { maxAliasCount: -1 }));
    }
    const modules = readdirSync(path.join(root, 'dist', 'validators')).filter((f) => f.endsWith('.cjs'));
    expect(modules.length).toBeGreaterThan(specFiles.length);
    for (const file of modules) expect(isAscii(readFileSync(path.join(root, 'dist', 'validators', file))), file).toBe(true);
  });
});

describe('the YAML cache of the shipped files', () => {
  it('answers a shipped file with a fresh copy of what the parser gives, and parses any other text', () => {
    const cache = JSON.parse(readFileSync(YAML_CACHE_FILE, 'utf8')) as Record<string, string>;
    expect(Object.keys(cache).length).toBeGreaterThan(40);
    const file = path.join(root, 'scenarios', 'xai', 'flaky.yaml');
    const text = readFileSync(file, 'utf8');
    const first = parseYamlText(text);
    expect(first).toEqual(parseYaml(text));
    (first as { rules: unknown[] }).rules.length = 0;
    expect(parseYamlText(text)).toEqual(parseYaml(text));
    expect(parseYamlText('a: [1, two]\n')).toEqual({ a: [1, 'two'] });
  });
});
