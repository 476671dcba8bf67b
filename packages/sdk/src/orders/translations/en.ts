import type { OrderTranslation } from './translation.js';

export const en: OrderTranslation = {
  status: {
    AUTHORIZED: 'Authorized',
    PART_CAPTURED: 'Partially captured',
    CAPTURED: 'Captured',
    CANCELLED: 'Cancelled',
    EXPIRED: 'Expired',
    CLOSED: 'Closed',
  },
  action: {
    capture: 'Capture',
    refund: 'Refund',
    cancel: 'Cancel order',
    release: 'Release remaining amount',
    extend: 'Extend authorization',
    edit: 'Edit order',
    updateCustomerDetails: 'Update customer details',
    addShippingInfo: 'Add shipping information',
  },
  reason: {
    CANCELLED: 'The order is cancelled.',
    EXPIRED: 'The reservation time has expired.',
    CLOSED: 'The order is closed.',
    HAS_CAPTURES: 'Part of the order has already been captured.',
    NO_CAPTURES: 'Nothing has been captured yet.',
    NOTHING_LEFT_TO_CAPTURE: 'There is nothing left to capture.',
    NOTHING_TO_REFUND: 'Everything captured has already been refunded.',
    NOT_KLARNA: 'Only orders paid with Klarna can be extended.',
    EXTENSION_LIMIT_REACHED: 'The authorization cannot be extended past 90 days after the purchase.',
    COUNTRY_NOT_SUPPORTED: 'Extension is not available for purchases in this country.',
  },
  event: {
    authorized: 'Authorized',
    captured: 'Captured',
    refunded: 'Refunded',
    shippingInfo: 'Shipping information added',
    extended: 'Authorization extended',
    released: 'Remaining amount released',
    cancelled: 'Cancelled',
    expired: 'Expired',
  },
};
