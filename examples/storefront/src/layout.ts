/** The shop's header (logo, navigation, cart, theme switch) and footer, shared by every page. */
import { cartCount, onCartChange } from './cart.js';
import { SHOP } from './catalog.js';
import { h, render } from './dom.js';
import { applyTheme, currentTheme, onThemeChange, toggleTheme } from './theme.js';

export type Section = 'shop' | 'checkout' | 'back-office' | 'other';

export function themeButton(): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'theme-toggle', 'aria-label': 'Dark mode', on: { click: toggleTheme } });
  const sync = () => {
    button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    button.title = currentTheme() === 'dark' ? 'Switch to light mode' : 'Switch to dark mode';
  };
  sync();
  onThemeChange(sync);
  return button;
}

export function mountLayout(section: Section): void {
  applyTheme();
  const header = document.querySelector('header.site-header');
  if (header) {
    const count = h('span', { class: 'cart-count', 'data-testid': 'cart-count' });
    const showCount = () => {
      const n = cartCount();
      count.textContent = String(n);
      count.hidden = n === 0;
    };
    showCount();
    onCartChange(showCount);
    const link = (href: string, text: string, current: boolean) => h('a', { href, 'aria-current': current ? 'page' : undefined }, text);
    render(
      header,
      h(
        'div',
        { class: 'site-header__inner' },
        h('a', { href: '/', class: 'brand' }, h('img', { src: '/logo.svg', alt: '', width: 32, height: 32 }), h('span', null, SHOP.name)),
        h('nav', { class: 'site-nav', 'aria-label': 'Main' }, link('/', 'Shop', section === 'shop'), link('/back-office/', 'Back office', section === 'back-office')),
        h(
          'div',
          { class: 'site-header__tools' },
          h('a', { href: '/checkout/', class: 'cart-link', 'aria-current': section === 'checkout' ? 'page' : undefined }, h('span', null, 'Cart'), count),
          themeButton(),
        ),
      ),
    );
  }
  const footer = document.querySelector('footer.site-footer');
  if (footer) {
    render(
      footer,
      h('p', null, `${SHOP.name} is a demo shop running against the local Kustom sandbox: no account, no network, no real payments.`),
      h('p', null, h('a', { href: '/terms/' }, 'Terms'), ' · ', h('a', { href: '/back-office/' }, 'Back office')),
    );
  }
}
