/** Merchant back-office helpers: search, CSV export, repeated orders, packing slips, insights, expiring orders, several stores. */
export {};
