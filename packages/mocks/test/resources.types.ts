/**
 * Compile-time half of the contract test: every resource the mock builds must be
 * assignable to the SDK's type for it, which openapi-typescript generates from
 * the spec. `pnpm typecheck` fails on drift before a single request is sent;
 * the runtime contract test then checks the values (formats, enums in context).
 */
import type * as Engine from '@billkit/engine';
import type * as Api from '@billkit/sdk';
import type { ApiBillingEvent } from '../src/store.js';
import type * as Mock from '../src/types.js';
import type {
  autoFlexResource,
  creditEntryResource,
  invoiceResource,
  overviewResource,
  planResource,
  quoteResource,
  standingInstructionsResource,
  storedQuoteResource,
  subscriptionResource,
  usageResource,
} from '../src/views.js';

/** Compiles only when the mock's `Built` is a valid `Contract` value. */
type Conforms<Built extends Contract, Contract> = [Built, Contract];
type Built<View extends (...args: never[]) => unknown> = ReturnType<View>;

export type MockResourcesConformToTheContract = [
  Conforms<Built<typeof planResource>, Api.Plan>,
  Conforms<Built<typeof subscriptionResource>, Api.Subscription>,
  Conforms<Built<typeof quoteResource>, Api.ChangeQuote>,
  Conforms<Built<typeof invoiceResource>, Api.Invoice>,
  Conforms<Built<typeof autoFlexResource>, Api.AutoFlex>,
  Conforms<Built<typeof usageResource>, Api.Usage>,
  Conforms<Built<typeof creditEntryResource>, Api.CreditEntry>,
  Conforms<Built<typeof storedQuoteResource>, Api.Quote>,
  Conforms<Built<typeof standingInstructionsResource>, Api.StandingInstructions>,
  Conforms<Built<typeof overviewResource>, Api.BillingOverview>,
  Conforms<Mock.BillingDetails, Api.BillingDetails>,
  Conforms<Mock.PaymentMethod, Api.PaymentMethod>,
  Conforms<Mock.PaymentMethodSetup, Api.PaymentMethodSetup>,
  Conforms<Mock.Permissions, Api.BillingOverview['viewer']['permissions']>,
  Conforms<ApiBillingEvent, Api.BillingEvent>,
];

/**
 * The engine's reasons and the contract's are the same set, both ways: every code the engine
 * gives is in the spec with the params it documents, and every code the spec documents is one
 * the engine gives (with nothing the engine does not fill in).
 */
export type ReasonsMatchTheContract = [
  Conforms<Engine.LineReason, Api.LineReason>,
  Conforms<Api.LineReason, Engine.LineReason>,
  Conforms<Engine.CreditReason, Api.CreditReason>,
  Conforms<Api.CreditReason, Engine.CreditReason>,
  Conforms<Engine.EventReason, Api.EventReason>,
  Conforms<Api.EventReason, Engine.EventReason>,
  Conforms<Engine.NoticeCode, Api.NoticeCode>,
  Conforms<Api.NoticeCode, Engine.NoticeCode>,
  Conforms<Engine.SentNotice, Api.SentNotice>,
];
