/**
 * @internal Registers a tag unless it is taken (another copy of the package, or
 * the page's own element) or there is no registry (Node without a DOM).
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, element);
}
