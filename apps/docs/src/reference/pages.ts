/**
 * The reference pages' content from their two sources: the OpenAPI document (`billingSpec`, the
 * bundled contract @billkit/mocks serves) and @billkit/elements' custom-elements.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { billingSpec } from '@billkit/mocks';
import type { Html } from '../site/html.js';
import {
  apiReference,
  renderErrorsPage,
  renderOperationsPage,
  renderSchemasPage,
} from './api-pages.js';
import {
  type CustomElementsManifest,
  customElements,
  type PackageExports,
  renderElementsPage,
} from './elements-page.js';
import { renderIndexPage } from './index-page.js';
import type { ReferencePage } from './layout.js';
import type { ReferenceDocument } from './spec.js';

export interface ReferenceSources {
  spec: ReferenceDocument;
  manifest: CustomElementsManifest;
  /** @billkit/elements' package.json `exports`, for each element's import path. */
  elementsExports: PackageExports;
}

const require = createRequire(import.meta.url);

/** The custom-elements.json @billkit/elements' build wrote (read anew, so `vite dev` sees a rebuild). */
export const manifestFile = () => require.resolve('@billkit/elements/custom-elements.json');

export function loadSources(): ReferenceSources {
  const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
  return {
    spec: billingSpec as ReferenceDocument,
    manifest: readJson(manifestFile()),
    elementsExports: readJson(require.resolve('@billkit/elements/package.json')).exports,
  };
}

export function renderReferencePage(page: ReferencePage, sources: ReferenceSources): Html {
  const api = () => apiReference(sources.spec);
  const elements = () =>
    customElements(sources.manifest, '@billkit/elements', sources.elementsExports);
  switch (page) {
    case 'index':
      return renderIndexPage(api(), elements());
    case 'api':
      return renderOperationsPage(api());
    case 'schemas':
      return renderSchemasPage(api());
    case 'errors':
      return renderErrorsPage(api());
    case 'elements':
      return renderElementsPage(elements());
  }
}
