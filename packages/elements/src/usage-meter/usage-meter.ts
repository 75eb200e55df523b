import {
  type AddOn,
  type AppliedChange,
  type BillingOverview,
  type ChangeQuote,
  isAmountChangedError,
  type SubscriptionChange,
  type Usage,
  type UsageDetail,
} from '@billkit/sdk';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../billing-provider/billing-provider.js';
import { BillingController } from '../core/billing-controller.js';
import { stableJson } from '../core/intent-key.js';
import { Mutation } from '../core/mutation.js';
import { quoteLines, quoteStyles } from '../core/quote.js';
import { overviewResource, usageDetailResource, usageResource } from '../core/resources.js';
import { errorView, loadingView, skeleton } from '../core/states.js';
import { abortableDelay } from '../core/timing.js';
import { formatDate, formatMoney, formatNumber, formatPeriod } from '../i18n/format.js';
import { commonText, quoteText, usageMeterText as text } from '../i18n/messages.js';
import { stepperStyles } from '../styles/stepper.js';
import { tokens } from '../styles/tokens.js';
import {
  AddOnChangedEvent,
  AddOnChangeRequestEvent,
  type OveragePolicyChange,
  OveragePolicyChangedEvent,
  OveragePolicyChangeRequestEvent,
  type UsageThreshold,
  UsageThresholdEvent,
} from './events.js';
import { usageMeterStyles } from './usage-meter.styles.js';

const dayMs = 86_400_000;
const previewDelayMs = 300;
/** The contract's ceiling of blocks of one add-on; more is sold by sales. */
const maxBlocks = 10_000;
const thresholds: readonly UsageThreshold[] = [80, 100];

/** Blocks bought: the change asked for and the amount the customer approved. */
interface Purchase {
  change: SubscriptionChange;
  expectedAmountDue: ChangeQuote['amountDueNow'];
}

/**
 * Metered usage of the current usage period: one resource (`resource="monitoring_requests"`) or
 * all of them. For each: what is included (the plan's quota plus add-on blocks), what was used,
 * the overage so far and its cost (as the API prices it), the pace towards the limit, the 80 %
 * and 100 % thresholds (shown, announced and sent as `bk-usage-threshold`), the overage switch
 * (turning it off warns that a hard cap can break the customer's pipelines), more add-on blocks
 * through the server's preview, and, on demand, what consumed the resource.
 *
 * @summary Metered usage, thresholds, the overage policy, add-on blocks and the consumers.
 *
 * @fires {UsageThresholdEvent} bk-usage-threshold - A resource reached 80 % or 100 % of what is
 * included: once per resource, threshold and usage period. `detail`: `{ resourceId, threshold,
 * used, included, period }`.
 * @fires {OveragePolicyChangeRequestEvent} bk-overage-policy-change-request - Cancelable, before
 * overages are allowed or disallowed: `detail` is `{ resourceId, policy }`.
 * @fires {OveragePolicyChangedEvent} bk-overage-policy-changed - After it: `detail` is the
 * resource's `Usage`.
 * @fires {AddOnChangeRequestEvent} bk-add-on-change-request - Cancelable, before blocks are
 * bought: `detail` is `{ change, quote }`.
 * @fires {AddOnChangedEvent} bk-add-on-changed - After they were bought: `detail` is the API's
 * `AppliedChange`.
 *
 * @csspart base - The card.
 * @csspart heading - The title.
 * @csspart period - The usage period's days.
 * @csspart resources - The list of resources.
 * @csspart resource - One resource.
 * @csspart near - A resource at 80 % or more of what is included (also a `resource`).
 * @csspart reached - A resource that used exactly what is included (also a `resource`).
 * @csspart over - A resource beyond what is included (also a `resource`).
 * @csspart name - The resource's name.
 * @csspart state - The threshold reached, in words.
 * @csspart meter - The usage bar (`role="meter"`).
 * @csspart meter-fill - The used part of the bar.
 * @csspart figures - Used, included, over and the overage cost.
 * @csspart figure - One figure: its label (`dt`) and value (`dd`).
 * @csspart included-from - The plan quota and add-on blocks making up what is included.
 * @csspart pace - Where the current pace leads.
 * @csspart billing-note - When the overage is billed, or that usage is refused.
 * @csspart hard-cap - Said of resources without pay-as-you-go.
 * @csspart overage - The overage switch and what it means.
 * @csspart overage-toggle - The switch (`role="switch"`).
 * @csspart cap-warning - The warning shown before overages are turned off.
 * @csspart cap-confirm - Turns overages off.
 * @csspart cap-cancel - Keeps them on.
 * @csspart actions - Buy more and the breakdown button.
 * @csspart buy - Opens the purchase of add-on blocks.
 * @csspart buy-panel - The purchase: blocks, the server's price, Confirm.
 * @csspart field - The blocks input with its label and hint.
 * @csspart label - The input's label.
 * @csspart stepper - The −, input, + group.
 * @csspart decrement - The − button.
 * @csspart input - The blocks input.
 * @csspart increment - The + button.
 * @csspart hint - The block size and allowed range.
 * @csspart field-error - Why the typed count cannot be used.
 * @csspart preview - The server's price of the purchase.
 * @csspart lines - The preview's lines.
 * @csspart line - One line: what, quantity, period and amount.
 * @csspart line-period - The days a line covers.
 * @csspart line-amount - A line's amount.
 * @csspart due-now - The amount charged now.
 * @csspart next-renewal - The renewal after the purchase.
 * @csspart confirm - Buys the blocks.
 * @csspart cancel - Closes the purchase.
 * @csspart breakdown-toggle - Shows or hides what consumed the resource.
 * @csspart breakdown - The consumers, largest first.
 * @csspart consumer - One consumer: its name and share.
 * @csspart status - Announces thresholds and results.
 * @csspart permission-note - Why the viewer cannot change overages or buy blocks.
 * @csspart empty - Nothing metered to show.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - A load, price or change error.
 * @csspart error-message - What went wrong.
 * @csspart retry - Tries again.
 *
 * @cssproperty --bk-usage-meter-accent - The bar and the switch when on (default `--bk-color-accent`).
 * @cssproperty --bk-usage-meter-near - The bar past 80 % (default `--bk-color-warning`).
 * @cssproperty --bk-usage-meter-over - The bar at 100 % and beyond (default `--bk-color-danger`).
 * @cssproperty --bk-usage-meter-max-width - Widest the card grows (default 40rem).
 */
export class BkUsageMeter extends LitElement {
  static override styles = [tokens, quoteStyles, stepperStyles, usageMeterStyles];
  static override properties = {
    resource: {},
    breakdownOf: { state: true },
    cappingOf: { state: true },
    buying: { state: true },
    blocksInput: { state: true },
    repriced: { state: true },
    announcement: { state: true },
  };

  /** Show only this resource (its `resourceId`); all of the period's resources when empty. */
  resource = '';

  readonly #billing = new BillingController(this);
  readonly #overview = this.#billing.load(overviewResource);
  readonly #usage = this.#billing.load(usageResource);

  /** The resource whose breakdown is open (one at a time), loaded only while open. */
  private breakdownOf: string | undefined;
  readonly #detail = this.#billing.load(() =>
    this.breakdownOf ? usageDetailResource(this.breakdownOf) : undefined,
  );

  /** The resource whose overages the user is about to turn off (the warning is shown). */
  private cappingOf: string | undefined;
  /** The add-on being bought and the blocks typed (undefined: one more block). */
  private buying: AddOn | undefined;
  private blocksInput: string | undefined;
  /** The fresh price of a purchase refused with `amount_changed`, and that refusal. */
  private repriced: { key: string; quote: ChangeQuote; error: unknown } | undefined;
  private announcement = '';

  /** Thresholds already sent (`resource|periodStart|threshold`); each is sent once. */
  readonly #reached = new Set<string>();
  #crossed: UsageThresholdEvent[] = [];

  readonly #preview = new Task(this, {
    // Primitives only: a new change object on every render would restart the task each time.
    args: () =>
      [this.#billing.store, stableJson(this.#purchase()?.change), this.#version()] as const,
    task: async ([store, key], { signal }) => {
      if (!store || !key) return initialState;
      const change = JSON.parse(key) as SubscriptionChange;
      await abortableDelay(previewDelayMs, signal);
      return { change, quote: await store.client.subscription.preview(change, { signal }) };
    },
  });

  readonly #policy = new Mutation<OveragePolicyChange, Usage>(this, this.#billing, {
    name: 'setOveragePolicy',
    request: (change) => new OveragePolicyChangeRequestEvent(change),
    // A PUT of the policy is idempotent by itself: no key, no version.
    perform: (client, { resourceId, policy }, { signal }) =>
      client.usage.setOveragePolicy(resourceId, policy, { signal }),
  });

  readonly #buy = new Mutation<Purchase, AppliedChange>(this, this.#billing, {
    name: 'applySubscriptionChange',
    request: ({ change }) =>
      new AddOnChangeRequestEvent({ change, quote: this.#quoteFor(change)! }),
    perform: (client, { change, expectedAmountDue }, { idempotencyKey, signal }) =>
      client.subscription.apply(
        { ...change, expectedAmountDue },
        { ifMatch: this.#version()!, idempotencyKey, signal },
      ),
  });

  override render() {
    const locale = this.#billing.locale;
    const overview = this.#overview.value;
    const usage = this.#usage.value;
    const shown = usage?.filter((u) => !this.resource || u.resourceId === this.resource) ?? [];
    const allowed = overview ? this.#canManage(overview) : false;
    return html`<section part="base" class="card" lang=${ifDefined(locale)} aria-labelledby="heading">
      ${locale ? html`<h2 part="heading" id="heading">${text.heading()}</h2>` : nothing}
      ${
        !locale || !overview || !usage
          ? loadingView(locale, [this.#overview, this.#usage])
          : shown.length === 0
            ? html`<p part="empty">${text.empty()}</p>`
            : html`<p part="period">${text.period(formatPeriod(shown[0]!.period))}</p>
              <ul part="resources">
                ${shown.map((u, index) => this.#renderResource(u, overview, allowed, `r${index}`))}
              </ul>
              ${allowed ? nothing : html`<p part="permission-note" id="permission-note">${text.notAllowed()}</p>`}`
      }
      <p part="status" role="status">${this.announcement}</p>
    </section>`;
  }

  #renderResource(usage: Usage, overview: BillingOverview, allowed: boolean, id: string) {
    const { resourceId, used, included } = usage;
    const name = this.#nameOf(usage);
    const level = this.#level(usage);
    const payAsYouGo = usage.overageUnitPrice.amount > 0;
    const addOn = overview.plan.addOns.find((a) => a.resourceId === resourceId);
    const ratio = included > 0 ? used / included : used > 0 ? 1 : 0;
    const disabledReason = allowed ? '' : 'permission-note';
    const capError = this.#policy.errorFor({ resourceId, policy: 'disallowed' });
    const policyError = capError ?? this.#policy.errorFor({ resourceId, policy: 'allowed' });
    const pace = payAsYouGo ? this.#pace(usage) : undefined;
    return html`<li part="resource ${level ?? ''}" aria-labelledby="${id}-name">
      <div class="head">
        <h3 part="name" id="${id}-name">${name}</h3>
        ${level ? html`<span part="state">${text[level]()}</span>` : nothing}
      </div>
      <div
        part="meter"
        role="meter"
        aria-labelledby="${id}-name"
        aria-valuemin="0"
        aria-valuemax=${Math.max(included, used, 1)}
        aria-valuenow=${used}
        aria-valuetext=${text.meter(used, included, ratio)}
      >
        <span part="meter-fill" .style=${`inline-size: ${Math.min(ratio, 1) * 100}%`}></span>
      </div>
      <dl part="figures">
        ${this.#figure(text.used(), formatNumber(used))}
        ${this.#figure(text.included(), formatNumber(included))}
        ${
          usage.overageQuantity > 0
            ? html`${this.#figure(text.overage(), formatNumber(usage.overageQuantity))}
              ${this.#figure(text.cost(), formatMoney(usage.projectedOverage))}`
            : nothing
        }
      </dl>
      ${
        usage.addOnBlocks > 0
          ? html`<p part="included-from">${text.fromPlan(usage.planQuota, usage.addOnBlocks)}</p>`
          : nothing
      }
      ${pace ? html`<p part="pace">${pace}</p>` : nothing}
      ${
        usage.capped
          ? html`<p part="billing-note">${text.capped(formatDate(usage.period.end))}</p>`
          : usage.overageQuantity > 0
            ? html`<p part="billing-note">${text.billedAt(formatDate(usage.period.end))}</p>`
            : nothing
      }
      ${
        payAsYouGo
          ? html`<div part="overage">
              <button
                part="overage-toggle"
                type="button"
                role="switch"
                aria-checked=${usage.overagePolicy === 'allowed'}
                aria-describedby="${id}-overage ${disabledReason}"
                ?disabled=${!allowed || this.#policy.pending}
                @click=${() => this.#toggleOverage(usage)}
              >
                <span class="track" aria-hidden="true"></span>${text.allowOverage()}
              </button>
              <p id="${id}-overage" class="muted">
                ${usage.overagePolicy === 'allowed' ? text.overageOn() : text.overageOff()}
              </p>
            </div>
            ${this.cappingOf === resourceId ? this.#renderCapWarning(usage, id) : nothing}
            ${policyError ? errorView(policyError, () => this.#setPolicy(usage, capError ? 'disallowed' : 'allowed')) : nothing}`
          : html`<p part="hard-cap" class="muted">${text.hardCap()}</p>`
      }
      <div part="actions">
        ${
          addOn
            ? html`<button
              part="buy"
              class="button"
              type="button"
              aria-expanded=${this.buying === addOn}
              aria-describedby=${disabledReason || nothing}
              ?disabled=${!allowed}
              @click=${() => this.#openPurchase(addOn)}
            >
              ${text.buy()}
            </button>`
            : nothing
        }
        <button
          part="breakdown-toggle"
          class="button"
          type="button"
          aria-expanded=${this.breakdownOf === resourceId}
          aria-controls="${id}-breakdown"
          @click=${() => {
            this.breakdownOf = this.breakdownOf === resourceId ? undefined : resourceId;
          }}
        >
          ${text.breakdown()}
        </button>
      </div>
      ${addOn && this.buying === addOn ? this.#renderPurchase(usage, addOn) : nothing}
      <div id="${id}-breakdown">
        ${this.breakdownOf === resourceId ? this.#renderBreakdown(resourceId) : nothing}
      </div>
    </li>`;
  }

  #figure(label: string, value: string) {
    return html`<div part="figure"><dt>${label}</dt><dd>${value}</dd></div>`;
  }

  #renderCapWarning(usage: Usage, id: string) {
    return html`<div part="cap-warning" role="group" aria-labelledby="${id}-cap" aria-describedby="${id}-warning">
      <h4 id="${id}-cap">${text.capTitle()}</h4>
      <p id="${id}-warning">${text.capWarning()}</p>
      <div class="row">
        <button part="cap-confirm" class="button danger" type="button" @click=${() => this.#setPolicy(usage, 'disallowed')}>
          ${text.capConfirm()}
        </button>
        <button part="cap-cancel" class="button" type="button" @click=${() => this.#closeCapWarning()}>
          ${text.capCancel()}
        </button>
      </div>
    </div>`;
  }

  #renderPurchase(usage: Usage, addOn: AddOn) {
    const max = maxBlocks - usage.addOnBlocks;
    const blocks = this.#blocksToAdd(usage);
    const purchase = this.#purchase();
    const quote = purchase && this.#quoteFor(purchase.change);
    const repriced = purchase && this.repriced?.key === stableJson(purchase.change);
    const error =
      quote && !repriced
        ? this.#buy.errorFor({ change: purchase.change, expectedAmountDue: quote.amountDueNow })
        : undefined;
    const previewFailed = this.#preview.status === TaskStatus.ERROR;
    const bad = blocks === undefined;
    return html`<div part="buy-panel">
      <div part="field">
        <label part="label" for="blocks">${text.blocksLabel()}</label>
        <div part="stepper">
          <button part="decrement" type="button" aria-label=${text.fewer()} aria-controls="blocks"
            ?disabled=${(blocks ?? 1) <= 1} @click=${() => this.#stepBlocks((blocks ?? 2) - 1, max)}>
            <span aria-hidden="true">−</span>
          </button>
          <input id="blocks" part="input" type="number" inputmode="numeric" min="1" max=${max} step="1"
            .value=${this.blocksInput ?? '1'}
            aria-invalid=${bad ? 'true' : 'false'}
            aria-describedby=${bad ? 'blocks-hint blocks-error' : 'blocks-hint'}
            @input=${(event: InputEvent) => {
              const input = event.target as HTMLInputElement;
              this.blocksInput = input.validity.badInput ? 'NaN' : input.value;
            }}
          />
          <button part="increment" type="button" aria-label=${text.more()} aria-controls="blocks"
            ?disabled=${(blocks ?? 0) >= max} @click=${() => this.#stepBlocks((blocks ?? 0) + 1, max)}>
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <p part="hint" id="blocks-hint">${text.blockSize(addOn.blockSize, max)}</p>
        ${bad ? html`<p part="field-error" id="blocks-error">${text.badBlocks(max)}</p>` : nothing}
      </div>
      ${
        purchase
          ? html`<div part="preview" aria-live="polite" aria-busy=${!quote && !previewFailed}>
              ${
                previewFailed && !repriced
                  ? errorView(this.#preview.error, () => this.#preview.run())
                  : quote
                    ? html`<h4 class="visually-hidden">${quoteText.heading()}</h4>
                      ${quoteLines(quote.lines)}
                      <p part="due-now"><span>${quoteText.dueNow()}</span><span>${formatMoney(quote.amountDueNow)}</span></p>
                      <p part="next-renewal">
                        ${quoteText.thenRenewal(formatMoney(quote.nextRenewal.amount), formatDate(quote.nextRenewal.date))}
                      </p>`
                    : html`<p>${quoteText.calculating()}</p>`
              }
            </div>`
          : nothing
      }
      ${repriced ? errorView(this.repriced!.error) : nothing}
      ${error ? errorView(error, () => this.#confirmPurchase()) : nothing}
      <div class="row">
        <button part="confirm" class="button primary" type="button"
          ?disabled=${!quote?.possible || this.#buy.pending}
          aria-busy=${this.#buy.pending ? 'true' : 'false'}
          @click=${this.#confirmPurchase}>
          ${this.#buy.pending ? commonText.working() : text.confirmBuy(blocks ?? 1)}
        </button>
        <button part="cancel" class="button" type="button" ?disabled=${this.#buy.pending}
          @click=${() => this.#closePurchase()}>
          ${commonText.cancel()}
        </button>
      </div>
    </div>`;
  }

  #renderBreakdown(resourceId: string) {
    const detail = this.#detail.value as UsageDetail | undefined;
    if (this.#detail.status === TaskStatus.ERROR) {
      return errorView(this.#detail.error, () => this.#detail.run());
    }
    if (detail?.resourceId !== resourceId) return skeleton(commonText.loading(), 2);
    if (detail.consumers.length === 0) return html`<p part="breakdown">${text.noConsumers()}</p>`;
    return html`<ul part="breakdown">
      ${detail.consumers.map(
        (consumer) => html`<li part="consumer">
          <span>${consumer.name}</span>
          <span>${text.share(consumer.quantity, detail.used > 0 ? consumer.quantity / detail.used : 0)}</span>
        </li>`,
      )}
    </ul>`;
  }

  /** Records thresholds newly reached before rendering, so their announcement renders with them. */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const said: string[] = [];
    for (const usage of this.#usage.value ?? []) {
      if (this.resource && usage.resourceId !== this.resource) continue;
      const { resourceId, used, included, period } = usage;
      let news: string | undefined;
      for (const threshold of thresholds) {
        const key = `${resourceId}|${period.start}|${threshold}`;
        if (included <= 0 || used * 100 < included * threshold || this.#reached.has(key)) continue;
        this.#reached.add(key);
        this.#crossed.push(
          new UsageThresholdEvent({ resourceId, threshold, used, included, period }),
        );
        // The highest threshold reached is the news; the lower one is implied.
        const name = this.#nameOf(usage);
        news =
          threshold === 100 ? text.crossedLimit(name) : text.crossedNear(name, used / included);
      }
      if (news) said.push(news);
    }
    if (said.length > 0) this.announcement = said.join(' ');
  }

  /** Sends the thresholds recorded, once the element shows them. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const crossed = this.#crossed;
    this.#crossed = [];
    for (const event of crossed) this.dispatchEvent(event);
  }

  #toggleOverage(usage: Usage) {
    if (usage.overagePolicy === 'allowed') {
      // A hard cap can stop the customer's pipelines: say so before anything is asked.
      this.cappingOf = usage.resourceId;
      this.updateComplete.then(() => this.#partNode<HTMLElement>('cap-cancel')?.focus());
    } else {
      void this.#setPolicy(usage, 'allowed');
    }
  }

  #closeCapWarning() {
    this.cappingOf = undefined;
    this.updateComplete.then(() => this.#partNode<HTMLElement>('overage-toggle')?.focus());
  }

  async #setPolicy(usage: Usage, policy: OveragePolicyChange['policy']) {
    const changed = await this.#policy.run({ resourceId: usage.resourceId, policy });
    if (!changed) return;
    if (this.cappingOf === usage.resourceId) this.#closeCapWarning();
    const name = this.#nameOf(usage);
    this.announcement = policy === 'allowed' ? text.policyOn(name) : text.policyOff(name);
    this.dispatchEvent(new OveragePolicyChangedEvent(changed));
  }

  #openPurchase(addOn: AddOn) {
    this.buying = this.buying === addOn ? undefined : addOn;
    this.blocksInput = undefined;
    this.announcement = '';
  }

  #closePurchase() {
    this.buying = undefined;
    this.repriced = undefined;
    this.updateComplete.then(() => this.#partNode<HTMLElement>('buy')?.focus());
  }

  #stepBlocks(blocks: number, max: number) {
    this.blocksInput = String(Math.min(Math.max(blocks, 1), max));
  }

  async #confirmPurchase() {
    const purchase = this.#purchase();
    const quote = purchase && this.#quoteFor(purchase.change);
    if (!purchase || !quote?.possible) return;
    const usage = this.#usageOf(this.buying!.resourceId)!;
    const applied = await this.#buy.run({
      change: purchase.change,
      expectedAmountDue: quote.amountDueNow,
    });
    const error = this.#buy.task.error;
    if (!applied) {
      if (this.#buy.task.status === TaskStatus.ERROR && isAmountChangedError(error)) {
        // Nothing was charged: show the price as it is now and let the user confirm that.
        this.repriced = { key: stableJson(purchase.change), quote: error.problem.quote, error };
      }
      return;
    }
    this.buying = undefined;
    this.repriced = undefined;
    const now = this.#usageOf(usage.resourceId) ?? usage;
    this.announcement = text.bought(this.#nameOf(now), now.included);
    this.dispatchEvent(new AddOnChangedEvent(applied));
  }

  /** The purchase the panel asks for, if the typed count is valid. */
  #purchase(): { change: SubscriptionChange } | undefined {
    const addOn = this.buying;
    const usage = addOn && this.#usageOf(addOn.resourceId);
    const blocks = usage && this.#blocksToAdd(usage);
    if (!addOn || !usage || blocks === undefined) return undefined;
    return {
      change: {
        addOns: [{ addOnId: addOn.id, blocks: usage.addOnBlocks + blocks }],
        timing: 'immediately',
      },
    };
  }

  /** The price of `change`: a fresh one from `amount_changed`, else the preview's if it answers it. */
  #quoteFor(change: SubscriptionChange): ChangeQuote | undefined {
    const key = stableJson(change);
    if (this.repriced?.key === key) return this.repriced.quote;
    const value = this.#preview.value;
    if (this.#preview.status !== TaskStatus.COMPLETE || !value) return undefined;
    return stableJson(value.change) === key ? value.quote : undefined;
  }

  #blocksToAdd(usage: Usage): number | undefined {
    const blocks = Number(this.blocksInput ?? '1');
    const max = maxBlocks - usage.addOnBlocks;
    const valid = this.blocksInput?.trim() !== '' && Number.isInteger(blocks);
    return valid && blocks >= 1 && blocks <= max ? blocks : undefined;
  }

  /**
   * "At this pace": the days until the limit at the average daily use so far — arithmetic on
   * counts and dates, never money. Nothing before a full day of the period has passed, once the
   * limit is reached, or when the browser's day is outside the period.
   */
  #pace(usage: Usage): string | undefined {
    const start = Date.parse(`${usage.period.start}T00:00:00Z`);
    const end = Date.parse(`${usage.period.end}T00:00:00Z`);
    const now = Date.now();
    const days = (now - start) / dayMs;
    if (days < 1 || now >= end || usage.used >= usage.included) return undefined;
    const limit = now + ((usage.included - usage.used) / usage.used) * days * dayMs;
    return usage.used > 0 && limit < end
      ? text.pace(formatDate(new Date(limit).toISOString()))
      : text.paceWithin();
  }

  #level(usage: Usage): 'near' | 'reached' | 'over' | undefined {
    const { used, included } = usage;
    if (used > included) return 'over';
    if (included === 0) return undefined;
    if (used === included) return 'reached';
    return used * 100 >= included * 80 ? 'near' : undefined;
  }

  #nameOf(usage: Usage): string {
    // Own keys only: an id such as `constructor` is the API's, not the catalog's.
    const known = Object.hasOwn(text.resource, usage.resourceId);
    return known ? text.resource[usage.resourceId]!() : usage.name;
  }

  #usageOf(resourceId: string): Usage | undefined {
    return this.#usage.value?.find((u) => u.resourceId === resourceId);
  }

  #version(): string | undefined {
    return this.#overview.value?.subscription.version;
  }

  #canManage(overview: BillingOverview): boolean {
    return (this.#billing.viewer ?? overview.viewer).permissions.manageBilling;
  }

  #partNode<E extends Element>(name: string): E | null {
    return this.renderRoot.querySelector<E>(`[part~='${name}']`);
  }
}

customElements.define('bk-usage-meter', BkUsageMeter);

declare global {
  interface HTMLElementTagNameMap {
    'bk-usage-meter': BkUsageMeter;
  }
}
