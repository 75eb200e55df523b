import type { Plugin } from '@custom-elements-manifest/analyzer';

export function documentedEventNames(
  ts: typeof import('typescript'),
  classNode: import('typescript').ClassDeclaration,
): string[];

export function documentedEventsPlugin(): Plugin;
