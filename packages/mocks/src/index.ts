/**
 * @billkit/mocks — the billkit billing API implemented once, on the engine, for
 * MSW in browsers and Node, plain fetch, and (via `@billkit/mocks/node`) a Node server.
 */
export type { OperationContext, OperationDefinition, OperationTable } from './app.js';
export { type AdvanceBy, TestClock, toIsoDate } from './clock.js';
export type { AddTeamOptions, MemberControl, MembershipActor, TeamControl } from './control.js';
export {
  FaultInjector,
  type FaultKind,
  type FaultOptions,
  type FaultRule,
  type Latency,
} from './faults.js';
export { renderInvoicePdf } from './invoice-pdf.js';
export {
  type BillingMock,
  type BillingMockOptions,
  createBillingMock,
  defaultBaseUrl,
  defaultNow,
  tokenFor,
} from './mock.js';
export {
  type Located,
  listOperations,
  type OpenApiDocument,
  type OperationEntry,
  resolve,
} from './openapi.js';
export { operations } from './operations.js';
export { type PdfCell, type PdfRow, type RenderPdfOptions, renderPdf } from './pdf.js';
export { type FieldError, ProblemError, problemResponse } from './problem.js';
export {
  type Scenario,
  ScenarioError,
  type ScenarioName,
  type ScenarioStep,
  scenarios,
} from './scenarios.js';
export { billingSpec } from './spec.js';
export type { ApiBillingEvent, BillingStore, MockTeam } from './store.js';
export * from './types.js';
export { ContractValidator } from './validation.js';
export { isValidVatId } from './vat.js';
