/** The contract suite's names, apart from its code, so the CLI can show them without loading the suite. */
export const CONFORMANCE_CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'response_headers_conformance',
] as const;
export const BEHAVIOURAL_CHECKS = ['negative_data_rejection', 'ignored_auth', 'ensure_resource_availability', 'use_after_free'] as const;
export const CHECK_NAMES = [...CONFORMANCE_CHECKS, ...BEHAVIOURAL_CHECKS] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** The providers with a contract flow. */
export const FLOW_PROVIDERS = ['xai', 'airweave', 'mixpeek', 'ctxfy'] as const;
export type FlowProvider = (typeof FLOW_PROVIDERS)[number];
