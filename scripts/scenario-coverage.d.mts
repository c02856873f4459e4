// Types for scripts/scenario-coverage.mjs, so the coverage test can use the data the table is made from.
// The script declares its exports with these (npm run typecheck checks it against them).
export interface ScenarioWay {
  name: string;
  /** The rule (1-based) that answers. */
  rule: number;
  /** Only the first N requests of an activation get the status. */
  times?: number;
}
export interface NaturalWay {
  way: string;
  request: string;
}
export interface StatusCoverage {
  status: number;
  scenarios: ScenarioWay[];
  natural: NaturalWay[];
}
export interface OperationCoverage {
  id: string;
  method: string;
  path: string;
  statuses: StatusCoverage[];
}
export interface ProviderCoverage {
  name: string;
  title: string;
  /** Notes under the table, by operationId. */
  notes: Record<string, string>;
  operations: OperationCoverage[];
  natural: { way: string; status: number; request: string }[];
  /** Per scenario, what it does on how many operations: statuses, delays, faults and stream cuts, each by its description. */
  scenarios: {
    name: string;
    file: string;
    description: string;
    statuses: Record<string, number>;
    delays: number;
    faults: Record<string, number>;
    streams: Record<string, number>;
  }[];
}
export interface Coverage {
  providers: ProviderCoverage[];
  uncovered: { provider: string; operation: string; status: number }[];
}
export const ROOT: string;
export const TABLE_FILE: string;
export function coverage(root?: string): Coverage;
export function markdown(cov: Coverage): string;
export const SUMMARY_FILE: string;
/** The per-provider totals shown in docs/scenarios.md. */
export function summaryTable(cov: Coverage): string;
/** The page with its generated summary replaced. */
export function pageWithSummary(page: string, cov: Coverage): string;
