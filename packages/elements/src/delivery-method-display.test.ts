import type { DeliveryOption } from '@kustom/sdk/elements';
import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  HOSTILE,
  LOCALES,
  configureSandbox,
  expectAccessibleAndSafe,
  failed,
  gate,
  newSandbox,
  ready,
  rewrite,
  text,
} from '../test/helpers.js';
import './define/index.js';
import type { KustomDeliveryMethodDisplay } from './delivery-method-display.js';
import type { KustomDeliveryMethodChangeEvent } from './events.js';
import { formatDateRange, formatDistance, formatOpeningHours } from './locale.js';
import { translations } from './translations/index.js';

type Options = { options: DeliveryOption[] };

const optionRadios = (el: Element) => $$<HTMLInputElement>(el, 'input[name=o]');
const pointRadios = (el: Element) => $$<HTMLInputElement>(el, 'input[name=p]');
const rowOf = (radio: HTMLInputElement) => radio.closest('label')!;
const partText = (root: Element, part: string) => root.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

async function display(attrs = 'locale="sv-SE" postal-code="11122"'): Promise<KustomDeliveryMethodDisplay> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<kustom-delivery-method-display ${attrs}></kustom-delivery-method-display>`;
  return wrapper.firstElementChild as KustomDeliveryMethodDisplay;
}

/** `count` options, each with `points` pickup points: more than the sandbox offers. */
function many(count: number, points: number) {
  return (body: { delivery_options: DeliveryOption[] }) => {
    const pickup = body.delivery_options.find((o) => o.type === 'pickup_point')!;
    const point = pickup.pickup_points![0]!;
    return {
      ...body,
      delivery_options: Array.from({ length: count }, (_, i) => ({
        ...pickup,
        id: `option-${i}`,
        name: `Option ${i}`,
        pickup_points: Array.from({ length: points }, (_, j) => ({ ...point, id: `option-${i}-point-${j}`, name: `Point ${j}` })),
      })),
    };
  };
}

describe('<kustom-delivery-method-display>', () => {
  beforeEach(() => {
    configureSandbox();
  });

  describe('states', () => {
    it('shows a skeleton while loading, then the options with carrier, price, window and kind', async () => {
      const held = gate(newSandbox().fetch);
      configureSandbox(held.fetch);
      const el = await display();
      await held.calls(1);
      expect(held.waiting[0]!.url.pathname).to.equal('/kustom-elements-api/v1/placements/DELIVERY_METHODS');
      expect(held.waiting[0]!.url.searchParams.get('postal_code')).to.equal('11122');
      expect(el.state).to.equal('loading');
      await expectAccessibleAndSafe(el);

      const loaded = ready<Options>(el);
      held.waiting[0]!.release();
      const { options } = await loaded;
      const t = translations.sv!;
      expect(options.length).to.be.greaterThan(3);
      expect(optionRadios(el)).to.have.length(options.length);
      options.forEach((option, i) => {
        const row = rowOf(optionRadios(el)[i]!);
        const price = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: option.currency }).format(option.price / 100);
        expect(partText(row, 'kustom-name')).to.equal(option.name);
        expect(partText(row, 'kustom-price')).to.equal(price.replace(/\s+/g, ' '));
        const kind = option.type === 'pickup_point' ? t.pickupPoints(option.pickup_points!.length) : t[option.type];
        const window = t.deliveryWindow(formatDateRange(option.delivery_window.earliest, option.delivery_window.latest, 'sv-SE'));
        expect(partText(row, 'kustom-details')).to.equal(`${option.carrier} · ${kind} · ${window}`.replace(/\s+/g, ' '));
        expect(partText(row, 'kustom-description')).to.equal(option.description);
      });
      // Monday 3 March 2025, before the cut-off: PostNord's pickup option arrives Tue–Thu.
      expect(partText(rowOf(optionRadios(el)[0]!), 'kustom-details')).to.contain('Leverans tis 4–tors 6 mars');
      expect(el.state).to.equal('ready');
      await expectAccessibleAndSafe(el);
    });

    it('says "Free" for options that cost nothing', async () => {
      const el = await display('locale="en-SE" amount="10000000"');
      const { options } = await ready<Options>(el);
      const free = options.findIndex((o) => o.price === 0);
      const paid = options.findIndex((o) => o.price > 0);
      expect(free).to.be.greaterThan(-1);
      expect(partText(rowOf(optionRadios(el)[free]!), 'kustom-price')).to.equal('Free');
      expect(partText(rowOf(optionRadios(el)[paid]!), 'kustom-price')).to.match(/^\d+,00\skr$/);
    });

    it('keeps the skeleton as tall as the list it stands for while it reloads', async () => {
      const held = gate(newSandbox().fetch);
      configureSandbox(held.fetch);
      const el = await display();
      await held.calls(1);
      held.waiting[0]!.release();
      const { options } = await ready<Options>(el);
      const loaded = el.getBoundingClientRect().height;
      el.postalCode = '11123';
      await held.calls(2);
      await el.updateComplete;
      expect($$(el, '[part~="kustom-skeleton"] .row')).to.have.length(options.length);
      expect(el.getBoundingClientRect().height).to.be.closeTo(loaded, 1);
      held.waiting[1]!.release();
      await ready(el);
    });

    it('shows the empty state when there is no option', async () => {
      configureSandbox(rewrite(newSandbox().fetch, (body) => ({ ...body, delivery_options: [] })));
      const el = await display('locale="da-DK"');
      await ready(el);
      expect(el.state).to.equal('empty');
      expect(text(el)).to.equal(translations.da!.noDeliveryMethods);
      await expectAccessibleAndSafe(el);
    });

    it('says what is wrong with a postal code the country does not have (no retry), and loads once it is fixed', async () => {
      const el = await display('locale="sv-SE" postal-code="ABC"');
      expect((await failed(el)).code).to.equal('INVALID_POSTAL_CODE');
      expect(el.state).to.equal('error');
      expect($(el, '[aria-live]').textContent!.trim()).to.equal(translations.sv!.badPostalCode);
      expect($$(el, '[part~="kustom-retry"]')).to.have.length(0);
      await expectAccessibleAndSafe(el);
      el.postalCode = '11122';
      await ready(el);
      expect(el.state).to.equal('ready');
    });

    it('is disabled inside a disabled fieldset, pickup points too', async () => {
      const form = fixtureSync<HTMLFormElement>(html`
        <form><fieldset disabled><kustom-delivery-method-display name="d" locale="sv-SE" postal-code="11122"></kustom-delivery-method-display></fieldset></form>
      `);
      const el = form.querySelector('kustom-delivery-method-display')!;
      const { options } = await ready<Options>(el);
      el.value = options.find((o) => o.type === 'pickup_point')!.id;
      await el.updateComplete;
      expect([...optionRadios(el), ...pointRadios(el)].every((r) => r.matches(':disabled'))).to.equal(true);
      expect(new FormData(form).has('d')).to.equal(false);
      await expectAccessibleAndSafe(el);
    });

    it('renders 50 options with 20 pickup points each', async () => {
      configureSandbox(rewrite(newSandbox().fetch, many(50, 20)));
      const el = await display();
      await ready(el);
      expect(optionRadios(el)).to.have.length(50);
      optionRadios(el)[49]!.click();
      await el.updateComplete;
      expect(pointRadios(el)).to.have.length(20);
      expect(el.pickupPoint).to.equal('option-49-point-0');
    });
  });

  describe('pickup points', () => {
    it('choosing a pickup option opens its points (name, address, distance, hours), the nearest chosen', async () => {
      const el = await display();
      const { options } = await ready<Options>(el);
      const index = options.findIndex((o) => o.type === 'pickup_point');
      const option = options[index]!;
      expect(pointRadios(el)).to.have.length(0);
      const change = oneEvent(el, 'kustom-delivery-method-change') as Promise<KustomDeliveryMethodChangeEvent>;
      optionRadios(el)[index]!.click();
      const { detail } = await change;
      expect(detail).to.deep.equal({
        value: option.id,
        pickupPoint: option.pickup_points![0]!.id,
        previousValue: '',
        previousPickupPoint: '',
        option,
      });
      await el.updateComplete;
      const t = translations.sv!;
      expect($(el, '[part~="kustom-pickup-points"] legend').textContent).to.equal(t.choosePickupPoint);
      const points = option.pickup_points!;
      expect(pointRadios(el).map((r) => r.value)).to.deep.equal(points.map((p) => p.id));
      expect(pointRadios(el)[0]!.checked).to.equal(true);
      points.forEach((point, i) => {
        const row = rowOf(pointRadios(el)[i]!);
        expect(partText(row, 'kustom-name')).to.equal(point.name);
        expect(partText(row, 'kustom-address')).to.equal(`${point.address.street_address}, ${point.address.postal_code} ${point.address.city}`);
        expect(partText(row, 'kustom-distance')).to.equal(t.away(formatDistance(point.distance_meters, 'sv-SE')).replace(/\s+/g, ' '));
        expect(partText(row, 'kustom-hours')).to.equal(formatOpeningHours(point.opening_hours, 'sv-SE').replace(/\s+/g, ' '));
      });
      expect(partText(rowOf(pointRadios(el)[0]!), 'kustom-hours')).to.match(/^mån–fre 0\d:00–2\d:00; lör 09:00–18:00/);
      await expectAccessibleAndSafe(el);

      const next = oneEvent(el, 'kustom-delivery-method-change') as Promise<KustomDeliveryMethodChangeEvent>;
      pointRadios(el)[2]!.click();
      expect((await next).detail).to.include({
        value: option.id,
        pickupPoint: points[2]!.id,
        previousValue: option.id,
        previousPickupPoint: points[0]!.id,
      });
      expect(el.pickupPoint).to.equal(points[2]!.id);

      const home = options.findIndex((o) => o.type === 'home');
      optionRadios(el)[home]!.click();
      await el.updateComplete;
      expect(el.pickupPoint).to.equal('');
      expect(pointRadios(el)).to.have.length(0);
    });

    it('preventDefault() vetoes a pickup point change', async () => {
      const el = await display();
      const { options } = await ready<Options>(el);
      const option = options.find((o) => o.type === 'pickup_point')!;
      el.value = option.id;
      await el.updateComplete;
      const first = el.pickupPoint;
      expect(first).to.equal(option.pickup_points![0]!.id);
      el.addEventListener('kustom-delivery-method-change', (event) => event.preventDefault());
      pointRadios(el)[1]!.click();
      await el.updateComplete;
      expect(el.pickupPoint).to.equal(first);
      expect(pointRadios(el).map((r) => r.checked)).to.deep.equal([true, false, false]);
    });

    it('a new postal code reloads; the chosen option stays, its point becomes the new nearest', async () => {
      const held = gate(newSandbox().fetch);
      configureSandbox(held.fetch);
      const el = await display();
      await held.calls(1);
      held.waiting[0]!.release();
      const { options } = await ready<Options>(el);
      const option = options.find((o) => o.type === 'pickup_point')!;
      el.value = option.id;
      await el.updateComplete;
      const before = el.pickupPoint;

      el.postalCode = '41101';
      await held.calls(2);
      el.postalCode = '22100';
      await held.calls(3);
      expect(held.waiting[1]!.signal!.aborted).to.equal(true);
      const done = ready<Options>(el);
      held.waiting[2]!.release();
      const after = (await done).options.find((o) => o.id === option.id)!;
      held.waiting[1]!.release();
      await held.waiting[1]!.settled;
      await el.updateComplete;
      expect(el.value).to.equal(option.id);
      expect(el.pickupPoint).to.equal(after.pickup_points![0]!.id).and.not.equal(before);
      expect(partText(rowOf(pointRadios(el)[0]!), 'kustom-address')).to.contain(after.pickup_points![0]!.address.city);
    });
  });

  describe('forms', () => {
    it('submits the option and the pickup point; required until chosen; reset restores both', async () => {
      const form = fixtureSync<HTMLFormElement>(html`
        <form>
          <kustom-delivery-method-display name="delivery" required locale="sv-SE" postal-code="11122"></kustom-delivery-method-display>
        </form>
      `);
      const el = form.querySelector('kustom-delivery-method-display')!;
      const { options } = await ready<Options>(el);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validationMessage).to.equal(translations.sv!.selectDeliveryMethod);

      const pickup = options.findIndex((o) => o.type === 'pickup_point');
      optionRadios(el)[pickup]!.click();
      await el.updateComplete;
      pointRadios(el)[1]!.click();
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect([...new FormData(form)]).to.deep.equal([
        ['delivery', options[pickup]!.id],
        ['delivery-pickup-point', options[pickup]!.pickup_points![1]!.id],
      ]);

      form.reset();
      await el.updateComplete;
      expect([el.value, el.pickupPoint]).to.deep.equal(['', '']);
      expect([...new FormData(form)]).to.deep.equal([]);
    });

    it('value and pickup-point attributes preselect; a form reset goes back to them', async () => {
      const probe = await display();
      const option = (await ready<Options>(probe)).options.find((o) => o.type === 'pickup_point')!;
      const point = option.pickup_points![2]!.id;
      const form = fixtureSync<HTMLFormElement>(html`
        <form>
          <kustom-delivery-method-display name="d" locale="sv-SE" postal-code="11122" value=${option.id} pickup-point=${point}></kustom-delivery-method-display>
        </form>
      `);
      const el = form.querySelector('kustom-delivery-method-display')!;
      await ready(el);
      expect(pointRadios(el).find((r) => r.checked)!.value).to.equal(point);
      optionRadios(el)[optionRadios(el).length - 1]!.click();
      await el.updateComplete;
      expect(el.pickupPoint).to.equal('');
      form.reset();
      await el.updateComplete;
      expect([...new FormData(form)]).to.deep.equal([
        ['d', option.id],
        ['d-pickup-point', point],
      ]);
    });
  });

  describe('keyboard', () => {
    it('arrow keys move within the options; Tab goes on to the pickup points', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`
        <div><button id="before">before</button><kustom-delivery-method-display locale="en-SE" postal-code="11122"></kustom-delivery-method-display></div>
      `);
      const el = wrapper.querySelector('kustom-delivery-method-display')!;
      const { options } = await ready<Options>(el);
      expect(options[0]!.type).to.equal('pickup_point');
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(optionRadios(el)[0]);
      await sendKeys({ press: 'ArrowDown' });
      expect(el.value).to.equal(options[1]!.id);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(el.value).to.equal(options[0]!.id);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(pointRadios(el)[0]);
      await sendKeys({ press: 'ArrowDown' });
      expect(el.pickupPoint).to.equal(options[0]!.pickup_points![1]!.id);
    });
  });

  describe('languages', () => {
    for (const [language, locale, country] of LOCALES) {
      it(`${language}: strings, prices and dates in ${locale}`, async () => {
        const t = translations[language]!;
        const el = await display(`locale="${locale}" purchase-country="${country}" amount="100000000"`);
        const { options } = await ready<Options>(el);
        expect($(el, 'legend').textContent).to.equal(t.deliveryMethod);
        const first = rowOf(optionRadios(el)[0]!);
        const o = options[0]!;
        expect(partText(first, 'kustom-price')).to.equal(o.price === 0 ? t.free : partText(first, 'kustom-price'));
        expect(partText(first, 'kustom-details')).to.contain(
          t.deliveryWindow(formatDateRange(o.delivery_window.earliest, o.delivery_window.latest, locale)).replace(/\s+/g, ' '),
        );
        expect(options.some((o) => o.price === 0)).to.equal(true);
        expect($$(el, '[part~="kustom-price"]').map((p) => p.textContent)).to.include(t.free);
        await expectAccessibleAndSafe(el);
      });
    }
  });

  describe('themes', () => {
    it('is accessible in both themes with a pickup point list open', async () => {
      const el = await display('locale="sv-SE" postal-code="11122" theme="dark"');
      const { options } = await ready<Options>(el);
      el.value = options.find((o) => o.type === 'pickup_point')!.id;
      await el.updateComplete;
      await expectAccessibleAndSafe(el);
      el.theme = 'default';
      await el.updateComplete;
      await expectAccessibleAndSafe(el);
    });
  });

  describe('safety', () => {
    it('renders hostile carriers, names, descriptions and pickup points as text', async () => {
      configureSandbox(
        rewrite(newSandbox().fetch, (body) => ({
          ...body,
          delivery_options: body.delivery_options.map((o: DeliveryOption) => ({
            ...o,
            carrier: HOSTILE,
            name: HOSTILE,
            description: HOSTILE,
            currency: 'NOT-A-CURRENCY',
            pickup_points: o.pickup_points?.map((p) => ({ ...p, name: HOSTILE, address: { ...p.address, city: HOSTILE } })),
          })),
        })),
      );
      const el = await display();
      const { options } = await ready<Options>(el);
      el.value = options.find((o) => o.type === 'pickup_point')!.id;
      await el.updateComplete;
      expect($$(el, '[part~="kustom-name"]').every((n) => n.textContent === HOSTILE)).to.equal(true);
      expect(partText(el.shadowRoot!.querySelector('[part~="kustom-pickup-point"]')!, 'kustom-address')).to.contain(HOSTILE);
      // An unknown currency does not break the element: the amount is shown plainly.
      expect(partText(rowOf(optionRadios(el)[0]!), 'kustom-price')).to.equal(`${options[0]!.price} NOT-A-CURRENCY`);
      expect($$(el, 'img, script')).to.have.length(0);
      expect((window as { __kustomPwned?: number }).__kustomPwned).to.equal(undefined);
      await expectAccessibleAndSafe(el);
    });
  });
});
