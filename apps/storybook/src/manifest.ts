/**
 * @billkit/elements' custom-elements.json, as Storybook's autodocs read it (attributes,
 * properties, events, slots, CSS parts and custom properties), and the controls its attributes get.
 */
import manifestJson from '@billkit/elements/custom-elements.json';
import type { ArgTypes } from '@storybook/web-components-vite';

export interface ManifestMember {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
}
export interface ManifestAttribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
}
export interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  events?: { name: string }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  [key: string]: unknown;
}
export interface Manifest {
  schemaVersion: string;
  modules: { declarations?: ManifestDeclaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/**
 * What a host can use: private and protected members are implementation (the analyzer lists
 * them). Events need no filter: the manifest lists exactly each element's `@fires`.
 */
export function publicManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) => member.privacy !== 'private' && member.privacy !== 'protected',
        ),
      })),
    })),
  };
}

export const manifest = publicManifest(manifestJson as unknown as Manifest);

export function declarationOf(tagName: string): ManifestDeclaration {
  const declaration = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((candidate) => candidate.tagName === tagName);
  if (!declaration) throw new Error(`${tagName} is not in @billkit/elements' custom-elements.json`);
  return declaration;
}

/**
 * Every `bk-*` event any element sends (the decorator logs them in the Actions panel): the
 * elements' events only, not those of other classes in the manifest (the store's `change`).
 */
export const allEventNames = [
  ...new Set(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName !== undefined)
      .flatMap((declaration) => declaration.events ?? [])
      .map((event) => event.name),
  ),
];

/** `'light' | 'dark' | undefined` → `['light', 'dark']`; undefined for a type that is not a union of string literals. */
function stringLiterals(type: string): string[] | undefined {
  const members = type
    .split('|')
    .map((member) => member.trim())
    .filter((member) => member !== 'undefined');
  return members.length > 0 && members.every((member) => /^'[^']*'$/.test(member))
    ? members.map((member) => member.slice(1, -1))
    : undefined;
}

/**
 * The element's arg types beyond what autodocs reads from the manifest: controls for its
 * attributes (from their types), and none for the rest (properties, events, slots, parts and
 * CSS properties are documented, not set by the stories' render).
 */
export function manifestArgTypes(
  tagName: string,
  options: Record<string, string[]> = {},
): ArgTypes {
  const declaration = declarationOf(tagName);
  const argTypes: ArgTypes = {};
  const documented = [
    ...(declaration.members ?? []).filter((member) => member.kind === 'field'),
    ...(declaration.events ?? []),
    ...(declaration.slots ?? []),
    ...(declaration.cssParts ?? []),
    ...(declaration.cssProperties ?? []),
  ];
  for (const { name } of documented) argTypes[name] = { control: false };
  for (const attribute of declaration.attributes ?? []) {
    const type = attribute.type?.text ?? 'string';
    const literals = options[attribute.name] ?? stringLiterals(type);
    argTypes[attribute.name] = {
      control: literals
        ? { type: 'select' }
        : type === 'boolean'
          ? { type: 'boolean' }
          : type === 'number'
            ? { type: 'number' }
            : { type: 'text' },
      ...(literals ? { options: [undefined, ...literals] } : {}),
    };
  }
  return argTypes;
}

/** Sets the element's attributes from the story's args (an empty value removes one). */
export function applyAttributes(element: HTMLElement, args: Record<string, unknown>): void {
  const tagName = element.localName;
  for (const { name, type } of declarationOf(tagName).attributes ?? []) {
    const value = args[name];
    if (type?.text === 'boolean') element.toggleAttribute(name, value === true);
    else if (value === undefined || value === null || value === '') element.removeAttribute(name);
    else element.setAttribute(name, String(value));
  }
}
