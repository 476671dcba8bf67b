/**
 * Vue typings: the four tags in `GlobalComponents`, so that templates (Volar /
 * vue-tsc) check their properties and events. Opt in once, in any file of your
 * app (or in `compilerOptions.types`):
 *
 * ```ts
 * import type {} from '@kustom/elements/jsx/vue';
 * ```
 *
 * Events are listened to with `@kustom-payment-method-change="…"` (typed as the
 * prop `onKustomPaymentMethodChange`). Tell the compiler the tags are custom
 * elements: `compilerOptions.isCustomElement: (tag) => tag.startsWith('kustom-')`.
 * Set function and array properties in camelCase (`:createOrder="…"`,
 * `:include="['klarna']"`): Vue sets a binding as a property only when the
 * element has a property of exactly that name.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { KustomElementsTags, PascalCase } from './tags.js';

/** The `on<PascalCase>` props Vue maps `@kustom-…` listeners to. */
export type VueEventProps<Events> = {
  [K in keyof Events as K extends `kustom-${string}` ? `on${PascalCase<K & string>}` : never]?: (event: Events[K]) => void;
};

/** A tag as Vue's `GlobalComponents` wants it: an instance with typed `$props` and `$emit`. */
export type VueElement<Tag extends keyof KustomElementsTags> = new () => KustomElementsTags[Tag]['element'] & {
  /** For template type checking only: not a property of the element. */
  $props: KustomElementsTags[Tag]['props'] &
    VueEventProps<KustomElementsTags[Tag]['events']> &
    Omit<HTMLAttributes, keyof KustomElementsTags[Tag]['props']> &
    PublicProps;
  /** For template type checking only: not a property of the element. */
  $emit: EmitFn<{ [K in keyof KustomElementsTags[Tag]['events']]: (event: KustomElementsTags[Tag]['events'][K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'kustom-payment-method-display': VueElement<'kustom-payment-method-display'>;
    'kustom-delivery-method-display': VueElement<'kustom-delivery-method-display'>;
    'kustom-express-buttons': VueElement<'kustom-express-buttons'>;
    'kustom-elements-provider': VueElement<'kustom-elements-provider'>;
  }
}
