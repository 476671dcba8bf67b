/**
 * Styles shared by the three elements: tokens, states (skeleton, empty, error),
 * option rows, brand marks, focus and forced colours. Logical properties only.
 */
import { css, unsafeCSS } from 'lit';
import { DARK, LIGHT, SHAPE, privateVars } from '../themes/tokens.js';

export const baseStyles = css`
  :host {
    ${unsafeCSS(privateVars({ ...SHAPE, ...LIGHT }))};
    display: block;
    font-family: var(--kustom-font-family, inherit);
    font-size: var(--kustom-font-size, inherit);
    line-height: 1.4;
    color: var(--_kustom-color-text);
  }
  :host([theme='dark']) {
    ${unsafeCSS(privateVars(DARK))};
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .list {
    display: grid;
    gap: var(--_kustom-spacing);
  }
  .row {
    display: flex;
    align-items: center;
    gap: calc(var(--_kustom-spacing) * 1.5);
    padding: var(--_kustom-spacing) calc(var(--_kustom-spacing) * 2);
    border: 1px solid var(--_kustom-color-border);
    border-radius: var(--_kustom-radius);
    background: var(--_kustom-color-background);
  }
  label.row {
    cursor: pointer;
  }
  .on {
    border-color: var(--_kustom-color-accent);
    box-shadow: 0 0 0 1px var(--_kustom-color-accent);
  }
  .off {
    opacity: 0.6;
  }
  .off label.row {
    cursor: default;
  }
  .text {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
  }
  .sub {
    color: var(--_kustom-color-text-muted);
    font-size: 0.875em;
  }
  .mark {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    border: 1px solid transparent;
    border-radius: calc(var(--_kustom-radius) / 2);
    background: var(--_kustom-color-skeleton);
    font-size: 0.875em;
    font-weight: 700;
  }
  .brand {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }
  .m-klarna {
    background: #ffb3c7;
    color: #17120f;
  }
  .m-applepay {
    background: #000;
    color: #fff;
  }
  .m-googlepay {
    background: #fff;
    color: #3c4043;
    border-color: #747775;
  }
  .m-paypal {
    background: #ffc439;
    color: #003087;
  }
  .m-amazonpay {
    background: #ffd814;
    color: #0f1111;
  }
  input {
    flex: none;
    margin: 0;
    inline-size: 1.1em;
    block-size: 1.1em;
    accent-color: var(--_kustom-color-accent);
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_kustom-color-accent);
    outline-offset: 2px;
  }
  .error {
    color: var(--_kustom-color-error);
  }
  .retry {
    margin-inline-start: auto;
    padding: 0.25em 1em;
    border: 1px solid currentColor;
    border-radius: var(--_kustom-radius);
    background: none;
    color: var(--_kustom-color-accent);
  }
  .line {
    display: inline-block;
    vertical-align: middle;
    inline-size: 60%;
    block-size: 0.8em;
    border-radius: 4px;
    background: var(--_kustom-color-skeleton);
    animation: pulse 1s ease-in-out infinite alternate;
  }
  .sub .line {
    inline-size: 40%;
  }
  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .line {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .on {
      outline: 2px solid Highlight;
    }
    .line {
      background: GrayText;
    }
    .off {
      color: GrayText;
    }
  }
`;
