/**
 * A checkout form around the elements, as a merchant would write it: the
 * browser validates it on submit (`required` elements report `valueMissing` with
 * their localized message), and the page shows what would be sent.
 */
import { html, type TemplateResult } from 'lit';

const messageOf = (form: HTMLFormElement) => form.querySelector<HTMLElement>('.story-message')!;

/** Marks the form as tried and shows the first invalid control's message (the browser also shows it in a bubble). */
function onInvalid(event: Event): void {
  const control = event.target as Element & { validationMessage?: string };
  const form = control.closest('form')!;
  form.classList.add('attempted');
  const message = messageOf(form);
  if (message.dataset.kind !== 'error') {
    message.dataset.kind = 'error';
    message.className = 'story-message error';
    message.textContent = control.validationMessage ?? '';
  }
}

/** A valid form: shows the entries it would submit instead of leaving the page. */
function onSubmit(event: SubmitEvent): void {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const message = messageOf(form);
  message.dataset.kind = 'submitted';
  message.className = 'story-message';
  message.textContent = `Submitted: ${new URLSearchParams(new FormData(form) as unknown as Record<string, string>)}`;
}

/** Clears the message when a new attempt starts. */
function onClick(event: Event): void {
  if (!(event.target as Element).matches('button[type="submit"]')) return;
  const message = messageOf((event.target as Element).closest('form')!);
  delete message.dataset.kind;
  message.textContent = '';
}

/** `content` inside a form with a submit button and a message line. */
export function checkoutForm(content: TemplateResult, submitLabel = 'Place order'): TemplateResult {
  return html`<form
    class="story-form"
    method="post"
    action="#"
    @invalid=${{ handleEvent: onInvalid, capture: true }}
    @submit=${onSubmit}
    @click=${onClick}
  >
    ${content}
    <button type="submit">${submitLabel}</button>
    <p class="story-message" role="status"></p>
  </form>`;
}
