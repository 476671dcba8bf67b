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

/** Only the public API: no private or protected members, only the documented events, no helper's generic define call. */
function publicApiOnly() {
  return {
    name: 'kustom-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.startsWith('kustom-'));
        for (const declaration of mod.declarations ?? []) {
          declaration.members = declaration.members?.filter((m) => !m.privacy || m.privacy === 'public');
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
