// An analyzer plugin: an element's events in custom-elements.json are exactly its documented
// `@fires` (or `@event`) tags. The analyzer also turns every `this.dispatchEvent(new X(arg))` into
// an event named after `arg`'s text — `new InvoicePaidEvent(paid)` becomes an event `paid` —
// which hosts, Storybook's autodocs and the generated JSX types would then offer. The JSDoc is
// the contract (every event has a class and a description there), so whatever else the analyzer
// found is dropped here, and a documented event name without the `bk-` prefix fails the build.

/** The event names a class's JSDoc declares: `@fires {Type} bk-name - description`. */
export function documentedEventNames(ts, classNode) {
  return ts
    .getJSDocTags(classNode)
    .filter((tag) => tag.tagName.text === 'fires' || tag.tagName.text === 'event')
    .map((tag) => {
      const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
      // The type, if TypeScript left it in the comment text, then the name.
      const name = text.replace(/^\s*\{[^}]*\}\s*/, '').match(/^[^\s]+/)?.[0];
      if (!name) throw new Error(`An @${tag.tagName.text} tag without an event name: "${text}"`);
      return name;
    });
}

export function documentedEventsPlugin() {
  /** Documented event names by module path and class name. */
  const documented = new Map();
  const key = (path, className) => `${path}#${className}`;
  return {
    name: 'billkit-documented-events',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      documented.set(key(moduleDoc.path, node.name.text), documentedEventNames(ts, node));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement || !declaration.events) continue;
          const names = documented.get(key(module.path, declaration.name)) ?? [];
          const wrong = names.filter((name) => !name.startsWith('bk-'));
          if (wrong.length > 0) {
            throw new Error(
              `${declaration.tagName} documents events without the bk- prefix: ${wrong}`,
            );
          }
          // Inherited events are checked against the class that documents them.
          declaration.events = declaration.events.filter(({ name, inheritedFrom }) =>
            (inheritedFrom
              ? (documented.get(key(inheritedFrom.module, inheritedFrom.name)) ?? [])
              : names
            ).includes(name),
          );
        }
      }
    },
  };
}
