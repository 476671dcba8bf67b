/**
 * Building the pages' DOM without HTML strings: every value from the network becomes
 * a text node or an attribute, never markup: the example never parses a string as HTML.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Props = {
  class?: string | undefined;
  /** Event listeners: `{ on: { click: fn } }`. */
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void } & Record<string, ((event: never) => void) | undefined>;
  /** DOM properties set as properties (`value`, `checked`, …). */
  props?: Record<string, unknown>;
} & Record<string, unknown>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child as readonly Child[]) append(parent, c);
  else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

/** `h('a', { href, class: 'link' }, 'text', h('span', null, 42))`: attributes as strings, `true` as present, `false`/`undefined` as absent. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, props?: Props | null, ...children: Child[]): HTMLElement;
export function h(tag: string, props?: Props | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (name === 'on') {
        for (const [type, listener] of Object.entries(value as Record<string, EventListener | undefined>)) if (listener) el.addEventListener(type, listener);
      } else if (name === 'props') {
        Object.assign(el, value);
      } else if (name === 'class') {
        if (value) el.className = String(value);
      } else if (value === true) el.setAttribute(name, '');
      else if (value !== false && value !== undefined && value !== null) el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Replaces the children of `parent`. */
export function render(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
}
