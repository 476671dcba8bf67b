/**
 * Every story: the elements registered, the custom elements manifest for the docs
 * pages, the toolbar's language and theme, a fresh in-page sandbox per render,
 * and accessibility checks that fail the story on a violation.
 */
import '@kustom/elements/define';
import manifest from '@kustom/elements/custom-elements.json' with { type: 'json' };
import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';
import { kustomLoader, LOCALES, withKustom } from '../src/harness.js';
import './preview.css';

setCustomElementsManifest(manifest);

/**
 * Doc comments wrap lines inside inline code (`onConfirm({ orderId,⏎ redirectUrl })`),
 * which the docs' Markdown would turn into a code block inside a paragraph.
 */
const unwrapCode = (text: string | undefined) => text?.replace(/`[^`]*`/g, (code) => code.replace(/\s*\n\s*/g, ' '));

type Declaration = { tagName?: string; description?: string };
const declarations: Declaration[] = manifest.modules.flatMap((module) => (module as { declarations?: Declaration[] }).declarations ?? []);

/** The element's description from the manifest (the class doc comment). */
const componentDescription = (tag: string) => unwrapCode(declarations.find((declaration) => declaration.tagName === tag)?.description);

/**
 * Controls for what a designer changes: the attributes the story wires (those
 * with an arg; `theme` and the language come from the toolbar), the CSS custom
 * properties and the sandbox. The manifest's properties, events and parts, and
 * attributes the story does not wire, are documentation only.
 */
const designerControls: ArgTypesEnhancer = ({ argTypes, initialArgs }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, input]): [string, StrictInputType] => {
      const argType = { ...input, description: unwrapCode(input.description) };
      if (argType.control !== undefined) return [name, argType];
      const category = argType.table?.category;
      if (category === 'css custom properties') {
        return [name, { ...argType, control: name.startsWith('--kustom-color-') ? { type: 'color' } : { type: 'text' } }];
      }
      if (category === 'attributes' && name in initialArgs) return [name, argType];
      return [name, { ...argType, control: false }];
    }),
  );

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'The language around the elements (their nearest `lang` attribute)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: Object.entries(LOCALES).map(([value, { title }]) => ({ value, title: `${title} (${value})` })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The elements’ `theme` attribute',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'default', title: 'Light (default)', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en-GB', theme: 'default' },
  argTypesEnhancers: [designerControls],
  loaders: [kustomLoader],
  decorators: [withKustom],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Fail the story on any axe violation (the smoke test reads the report).
    a11y: { test: 'error' },
    docs: { toc: true, extractComponentDescription: componentDescription },
    options: {
      storySort: { order: ['Introduction', 'Checkout', 'Payment method display', 'Delivery method display', 'Express buttons', '*'] },
    },
  },
};

export default preview;
