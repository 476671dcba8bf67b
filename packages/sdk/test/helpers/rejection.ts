import { expect } from 'vitest';

/** Awaits a promise that must reject with an instance of `Class`, and returns that error. */
export async function rejectionOf<E extends Error>(promise: Promise<unknown>, Class: abstract new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${Class.name}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Class);
  return error as E;
}
