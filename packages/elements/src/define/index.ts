/**
 * Registers every Kustom element (each only if its tag is free). The provider
 * comes first, so that the elements inside a provider find it as they connect.
 */
import './elements-provider.js';
import './payment-method-display.js';
import './delivery-method-display.js';
import './express-buttons.js';

export * from '../index.js';
