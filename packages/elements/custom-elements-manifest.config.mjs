/**
 * `npm run analyze -w @kustom/elements` writes custom-elements.json from the
 * classes' doc comments (the API contract): tags, attributes, properties,
 * events, parts, CSS properties and slots. Editors, Storybook and framework
 * wrappers read it.
 */

/** `define('kustom-x', Class)` in the define modules registers a tag, like `customElements.define`. */
function defineCalls() {
  return {
    name: 'kustom-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'define') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: element.text, module: moduleDoc.path.replace(/define\/(.+)$/, '$1') },
      });
    },
  };
}

/** Internal modules: analyzed (the elements inherit from them), then left out of the manifest. */
const INTERNAL = /^src\/(base\/|loader\/|jsx\/|locale\.ts|themes\/)/;

/**
 * Only the public API: no internal modules or unexported declarations, no
 * private or protected members, only the documented events, no helper's generic
 * define call.
 */
function publicApiOnly() {
  return {
    name: 'kustom-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules.filter((mod) => !INTERNAL.test(mod.path));
      for (const mod of customElementsManifest.modules) {
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name));
        mod.declarations = mod.declarations?.filter((d) => exported.has(d.name));
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.startsWith('kustom-'));
        for (const declaration of mod.declarations ?? []) {
          declaration.members = declaration.members?.filter((m) => !m.privacy || m.privacy === 'public');
          for (const item of [declaration, ...(declaration.members ?? []), ...(declaration.attributes ?? []), ...(declaration.events ?? [])]) {
            if (INTERNAL.test(item.inheritedFrom?.module ?? '')) delete item.inheritedFrom.module;
          }
          if (INTERNAL.test(declaration.superclass?.module ?? '')) delete declaration.superclass.module;
          if (!declaration.events) continue;
          const seen = new Set();
          declaration.events = declaration.events.filter((e) => {
            const keep = /^(kustom-[a-z-]+|change|input)$/.test(e.name ?? '') && e.description && !seen.has(e.name);
            seen.add(e.name);
            return keep;
          });
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [defineCalls(), publicApiOnly()],
};
