/**
 * `@billkit/mocks/contract`: the contract suite for any server implementing the billkit billing
 * API — the mock, or your own backend. Node ≥ 20.19 (or any runtime with fetch).
 */
export { type CliOutput, runContractCli, usage } from './cli.js';
export type { CallOptions, CallResult } from './session.js';
export {
  type CheckOutcome,
  type CheckResult,
  type ContractReport,
  type ContractSuiteOptions,
  contractChecks,
  formatContractReport,
  type OperationCoverage,
  runContractSuite,
} from './suite.js';
