/**
 * Play functions the elements' stories share: each waits for the state its story
 * shows, so a story that does not get there fails (in the Interactions panel and
 * in the smoke test).
 */
import type { StoryContext } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { expectState, find, LOCALES, type Locale } from './harness.js';

type Play = (context: StoryContext) => Promise<void>;
type State = 'loading' | 'ready' | 'empty' | 'error';

/** The element reaches `state` (an `error` with this `kustom-error` code). */
export const reaches =
  (tag: string, state: State, code?: string): Play =>
  async ({ canvasElement }) => {
    await expectState(await find(canvasElement, tag), state, code);
  };

/** Nothing to choose: the element's localized "no … available" message. */
export const emptyMessage =
  (tag: string): Play =>
  async ({ canvasElement }) => {
    const el = await find(canvasElement, tag);
    await expectState(el, 'empty');
    await expect(el.shadowRoot!.querySelector('[part~="kustom-empty"]')?.textContent?.trim()).not.toBe('');
  };

/** A load error (`code`) with its retry button; with `retry`, pressing it loads the list. */
export const loadError =
  (tag: string, code: string, { retry = false } = {}): Play =>
  async ({ canvasElement }) => {
    const el = await find(canvasElement, tag);
    await expectState(el, 'error', code);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="kustom-retry"]');
    await expect(button).not.toBeNull();
    if (!retry) return;
    await userEvent.click(button!);
    await expectState(el, 'ready');
  };

/** An error a retry cannot fix (`code`): a message that says what is wrong, and no retry button. */
export const finalError =
  (tag: string, code: string): Play =>
  async ({ canvasElement }) => {
    const el = await find(canvasElement, tag);
    await expectState(el, 'error', code);
    await expect(el.shadowRoot!.querySelector('[part~="kustom-error"]')?.textContent?.trim()).not.toBe('');
    await expect(el.shadowRoot!.querySelector('[part~="kustom-retry"]')).toBeNull();
  };

/** Ready, with the dark theme from the story's globals. */
export const dark =
  (tag: string): Play =>
  async ({ canvasElement }) => {
    const el = await find(canvasElement, tag);
    await expectState(el, 'ready');
    await expect(el.getAttribute('theme')).toBe('dark');
  };

/** In a form, `required` and nothing chosen: submitting is refused with the element's localized message. */
export const requiredAndInvalid =
  (tag: string): Play =>
  async ({ canvasElement }) => {
    const el = await find<HTMLElement & { validity: ValidityState; validationMessage: string; reportValidity(): boolean }>(canvasElement, tag);
    await expectState(el, 'ready');
    await userEvent.click(canvasElement.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    await expect(el.validity.valueMissing).toBe(true);
    await expect(el.reportValidity()).toBe(false);
    await expect(el.validationMessage).not.toBe('');
    await waitFor(() => expect(canvasElement.querySelector('.story-message')?.textContent).toBe(el.validationMessage));
  };

/** Submits the story's form and expects these entries. */
export async function submitted(canvasElement: HTMLElement, entries: Record<string, string>): Promise<void> {
  await userEvent.click(canvasElement.querySelector<HTMLButtonElement>('button[type="submit"]')!);
  const sent = `Submitted: ${new URLSearchParams(entries)}`;
  await waitFor(() => expect(canvasElement.querySelector('.story-message')?.textContent).toBe(sent));
}

/** The element once per language, side by side, each with the language's `lang`. */
export function allLanguages(element: (locale: Locale) => TemplateResult): TemplateResult {
  return html`<div class="story-grid">
    ${(Object.keys(LOCALES) as Locale[]).map(
      (locale) => html`<section lang=${locale}>
        <h3>${LOCALES[locale].title}</h3>
        ${element(locale)}
      </section>`,
    )}
  </div>`;
}

/** All six elements of `allLanguages` are ready. */
export const allReady =
  (tag: string): Play =>
  async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll(tag)).toHaveLength(Object.keys(LOCALES).length));
    for (const el of canvasElement.querySelectorAll(tag)) await expectState(el, 'ready');
  };
