/**
 * The contract suite as a library (`collections-mock/contract`): run one
 * provider's flow against a base URL, then print or store the report.
 *
 *   import { runContract, summary, junit } from 'collections-mock/contract';
 *   const report = await runContract({ provider: 'ctxfy', baseUrl: 'http://127.0.0.1:4010/ctxfy' });
 *   console.log(summary(report));
 */
export { runContract, curlLine, liveSkipReason, FLOW_PROVIDERS, MOCK_ONLY_REASON, LEGACY_ONLY_REASON } from './runner.js';
export type { ContractOptions, Report, Result, Outcome, FuzzStats } from './runner.js';
export { summary, junit } from './report.js';
export { CHECK_NAMES, CONFORMANCE_CHECKS, BEHAVIOURAL_CHECKS } from './checks.js';
export type { CheckName } from './checks.js';
export { startRecorder, isSecretName, REDACTED, type RecorderOptions, type Recorder, type RecorderLog, type RecordedExchange } from './record.js';
