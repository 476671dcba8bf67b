/**
 * The helpers take the orders a merchant already holds (the API has no "list orders"
 * call): an array, any iterable, or an async iterable such as a database cursor or a
 * stream of pages. A synchronous input gives a synchronous answer, an async one a
 * Promise, so an in-memory orders page never has to await.
 */
import { objectArgument } from '../internal/arguments.js';
import { invalidInput } from './errors.js';

/** An array, an iterable or an async iterable. */
export type OrdersSource<T> = Iterable<T> | AsyncIterable<T>;

export function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return value != null && typeof (value as AsyncIterable<T>)[Symbol.asyncIterator] === 'function';
}

/**
 * Feeds every item of `source` to `step` (with its index), then returns `finish()`;
 * synchronously when it can. A source that is neither kind is refused up front.
 */
export function drain<T, R>(
  source: OrdersSource<T>,
  step: (item: T, index: number) => void,
  finish: () => R,
  field = 'orders',
): R | Promise<R> {
  const each = (item: T, index: number) => step(objectArgument(item, `${field}[${index}]`, 'an order'), index);
  if (isAsyncIterable<T>(source)) {
    return (async () => {
      let index = 0;
      for await (const item of source) each(item, index++);
      return finish();
    })();
  }
  if (source == null || typeof (source as Iterable<T>)[Symbol.iterator] !== 'function') {
    throw invalidInput(field, 'must be an array, an iterable or an async iterable', 'invalid_type');
  }
  let index = 0;
  for (const item of source) each(item, index++);
  return finish();
}
