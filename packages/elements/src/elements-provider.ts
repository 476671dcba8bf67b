import { ContextProvider } from '@lit/context';
import { createElementsClient, type Environment, type Region } from '@kustom/sdk/elements';
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext, refreshAll } from './config.js';

/**
 * Configures the Kustom elements inside it, instead of (or besides) the page-wide
 * `configure()`: one store, one key. Several providers on a page each give the
 * elements inside them their own client. A missing or secret key shows as a
 * `NOT_CONFIGURED` error on those elements.
 *
 * @tagname kustom-elements-provider
 * @summary Gives the Kustom elements inside it their public API key and environment.
 *
 * @slot - The elements to configure (anywhere below, also inside other shadow roots).
 */
export class KustomElementsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The public API key (`kustom_pk_…`) from the Kustom Portal. Never the secret key. */
  @property({ attribute: 'public-api-key' }) publicApiKey = '';
  /** `playground` (default, `https://js.playground.kustom.co`) or `live` (`https://js.live.kustom.co`). */
  @property() environment?: Environment;
  /** `eu` (default), `na` or `oc`. The Elements API has one host per environment for every region. */
  @property() region?: Region;
  /** Another Elements API host, e.g. the local sandbox `http://127.0.0.1:4010`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;
  /** A fetch to use instead of the page's (the sandbox's in-browser handler, a test double). */
  @property({ attribute: false }) fetch?: typeof fetch;

  private readonly provider = new ContextProvider(this, { context: clientContext });
  private options?: unknown[];

  override connectedCallback(): void {
    // Provide before the elements inside connect and ask (they ask synchronously).
    this.refresh();
    super.connectedCallback();
    // Elements that connected before this provider (defined or inserted later) ask again.
    refreshAll();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.refresh();
  }

  /** A new client (and a reload below) only when an option really changed. */
  private refresh(): void {
    const options = [this.publicApiKey, this.environment, this.region, this.baseUrl, this.fetch];
    if (this.options?.every((value, i) => value === options[i])) return;
    this.options = options;
    try {
      this.provider.setValue(createElementsClient(this));
    } catch (error) {
      this.provider.setValue(error as Error);
    }
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
