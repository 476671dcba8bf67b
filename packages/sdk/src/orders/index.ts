/** Order-management helpers: what an order allows, and exact plans for capture, refund, edit, release and extension. */
export {};
