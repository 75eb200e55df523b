/** The bundled OpenAPI document this package validates against (copied by scripts/copy-spec.mjs). */
import bundledSpec from './generated/billing.json' with { type: 'json' };
import type { OpenApiDocument } from './openapi.js';

export const billingSpec = bundledSpec as unknown as OpenApiDocument;
