/**
 * A very small checker for the JSON Schema subset that `z.toJSONSchema` emits for the
 * Elements API's schemas (`schemas/elements.ts`).
 *
 * Why: the browser bundle carries the Elements client, and zod's runtime costs about
 * 5 KB brotli there, a quarter of the elements' whole budget. The zod schemas stay
 * the source of truth for the types and for the sandbox; `elements-shapes.ts` is
 * generated from them (`npm run generate -w @kustom/sdk`, checked by a test) and this
 * interpreter checks responses against it. A property test holds it to zod's verdict.
 *
 * Like a zod object, an object shape ignores keys it does not know.
 */
import type { KustomValidationIssue } from '../errors.js';

export interface Shape {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Readonly<Record<string, Shape>>;
  required?: readonly string[];
  items?: Shape;
  const?: unknown;
  enum?: readonly unknown[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const NAMES: Record<string, string> = { object: 'an object', array: 'an array', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean' };

/** Every way `value` breaks `shape`, with paths like `delivery_options[3].price`. */
export function shapeIssues(shape: Shape, value: unknown, path = '', issues: KustomValidationIssue[] = []): KustomValidationIssue[] {
  const fail = (message: string, code = 'invalid_type') => void issues.push({ path, message, code });
  const { type } = shape;
  if (
    type &&
    !(type === 'integer'
      ? Number.isSafeInteger(value)
      : type === 'array'
        ? Array.isArray(value)
        : type === 'object'
          ? typeof value === 'object' && value !== null && !Array.isArray(value)
          : typeof value === type && (type !== 'number' || Number.isFinite(value)))
  ) {
    fail(`must be ${NAMES[type]}, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'number' ? value : typeof value}`);
    return issues;
  }
  if ('const' in shape && value !== shape.const) fail(`must be ${JSON.stringify(shape.const)}`, 'invalid_value');
  if (shape.enum && !shape.enum.includes(value)) fail(`must be one of ${shape.enum.map((v) => JSON.stringify(v)).join(', ')}`, 'invalid_value');
  if (typeof value === 'string') {
    if (value.length < (shape.minLength ?? 0)) fail(`must be at least ${shape.minLength} characters`, 'too_small');
    if (value.length > (shape.maxLength ?? Infinity)) fail(`must be at most ${shape.maxLength} characters`, 'too_big');
    if (shape.pattern && !new RegExp(shape.pattern).test(value)) fail(`must match ${shape.pattern}`, 'invalid_format');
  } else if (typeof value === 'number') {
    if (value < (shape.minimum ?? -Infinity)) fail(`must be at least ${shape.minimum}`, 'too_small');
    if (value > (shape.maximum ?? Infinity)) fail(`must be at most ${shape.maximum}`, 'too_big');
  } else if (Array.isArray(value)) {
    if (value.length < (shape.minItems ?? 0)) fail(`must have at least ${shape.minItems} items`, 'too_small');
    if (value.length > (shape.maxItems ?? Infinity)) fail(`must have at most ${shape.maxItems} items`, 'too_big');
    if (shape.items) value.forEach((item, i) => shapeIssues(shape.items!, item, `${path}[${i}]`, issues));
  } else if (shape.properties && value && typeof value === 'object') {
    for (const [key, property] of Object.entries(shape.properties)) {
      const field = (value as Record<string, unknown>)[key];
      const at = path ? `${path}.${key}` : key;
      if (field !== undefined) shapeIssues(property, field, at, issues);
      else if (shape.required?.includes(key)) issues.push({ path: at, message: 'is required', code: 'invalid_type' });
    }
  }
  return issues;
}
