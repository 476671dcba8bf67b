/**
 * JSX typings for React 19: the four tags with their properties and events.
 * Opt in once, in any file of your app (or in `compilerOptions.types`):
 *
 * ```ts
 * import type {} from '@kustom/elements/jsx/react';
 * ```
 *
 * React 19 sets a prop as a property when the element has it (`amount={49900}`,
 * `include={['klarna', 'card']}`, `createOrder={fn}`), and adds an event listener
 * for an `on` prop named after the event as it is spelled:
 * `onkustom-payment-method-change={(event) => event.detail.value}`. A camelCase
 * `onKustomPaymentMethodChange` would listen for an event of that exact name,
 * which never fires, so it is not in these typings. React's own `onChange` and
 * `onInput` work as on any element.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KustomElementsTags } from './tags.js';

/** The `on<event-name>` props React 19 listens with: `onkustom-ready`, `onkustom-error`, … */
export type ReactEventProps<Events> = {
  [K in keyof Events as K extends `kustom-${string}` ? `on${K & string}` : never]?: (event: Events[K]) => void;
};

/** A tag's props in React 19: its own properties, its events, and the usual HTML props. */
export type ReactElementProps<Tag extends keyof KustomElementsTags> = KustomElementsTags[Tag]['props'] &
  ReactEventProps<KustomElementsTags[Tag]['events']> &
  Omit<
    DetailedHTMLProps<HTMLAttributes<KustomElementsTags[Tag]['element']>, KustomElementsTags[Tag]['element']>,
    keyof KustomElementsTags[Tag]['props']
  >;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'kustom-payment-method-display': ReactElementProps<'kustom-payment-method-display'>;
      'kustom-delivery-method-display': ReactElementProps<'kustom-delivery-method-display'>;
      'kustom-express-buttons': ReactElementProps<'kustom-express-buttons'>;
      'kustom-elements-provider': ReactElementProps<'kustom-elements-provider'>;
    }
  }
}
