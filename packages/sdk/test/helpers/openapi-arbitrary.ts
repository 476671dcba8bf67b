/**
 * fast-check arbitraries generated from the published OpenAPI documents in
 * `/work/shared/specs` (OpenAPI 3.0), read the way their README says: the schemas are
 * data, some are loose, and where they are the field descriptions decide. The readings:
 *
 * - An `enum` holding an empty value (`enum: [ ]`, i.e. `[null]`) constrains nothing.
 * - An `enum` or `pattern` written as one alternation (`"physical|discount|…"`,
 *   `"(PickUpStore|Home|…)"`, `"DAY|WEEK|MONTH|YEAR"`) lists the allowed values.
 * - A description that lists "the possible values" (`<em>physical</em>…`) is an enum; one
 *   that says "has to be 1-8 characters" is a length, "non-negative" a minimum of 0.
 * - A string described as ISO 3166-1 alpha-2 / ISO 4217 is two / three letters, one
 *   described as a URL is a URL; an array's description speaks for its items.
 * - `readOnly` fields are left out of requests, `writeOnly` ones out of answers.
 * - `required` lists the documents lack come from the caller (`required` below), taken
 *   from `kustom-api.md`, which names the fields every answer carries.
 *
 * In answers (`mode: 'answer'`) every enum also yields values the documents do not list
 * (a new value, another case), every optional field is sometimes absent, and objects
 * sometimes carry a field no document names: a liberal reader must take all of that.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import yaml from 'js-yaml';

export const SPECS = '/work/shared/specs';

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  readOnly?: boolean;
  writeOnly?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Reads one document. The published files hold a few C0 control characters where
 * typographic quotes were (`\x18male\x19`), which YAML forbids: they become `'`.
 */
export function loadDocument(file: string): OpenApiDocument {
  const text = readFileSync(`${SPECS}/${file}`, 'utf8').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "'");
  return yaml.load(text) as OpenApiDocument;
}

export type Mode = 'answer' | 'request';

export interface GenerateOptions {
  mode: Mode;
  /** Extra required fields per component name (the documents' missing `required` lists). */
  required?: Record<string, readonly string[]>;
  /** Fields per component name whose enum gets no unknown values in answers. */
  closed?: Record<string, readonly string[]>;
}

/** One UTF-16 unit: printable ASCII, or a letter such as å, ß, é, Ł, Ж. */
const CHARACTER = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('å', 'ä', 'ö', 'ß', 'é', 'Ł', 'Ж', '€', '—', ' ') },
);

/** Values an API may add to an enum tomorrow, or send in another case. */
const UNKNOWN = ['NEW_VALUE_FROM_THE_FUTURE', 'brand_new_value', 'Mixed-Case-Value'] as const;

/** The values an `enum` or an alternation `pattern` allows, or `undefined` when it constrains nothing. */
export function allowedValues(schema: Schema): unknown[] | undefined {
  if (schema.enum) {
    const values = schema.enum
      .filter((v) => v !== null && v !== '')
      .flatMap((v) => (typeof v === 'string' && v.includes('|') ? v.split('|') : [v]));
    if (values.length) return values;
  }
  // "The possible values are:<ul><li><em>physical (physical good)</em></li>…" (Checkout's line type).
  if (/possible values are/i.test(schema.description ?? '')) {
    const listed = [...schema.description!.matchAll(/<em>([a-z_]+)/g)].map((m) => m[1]!);
    if (listed.length) return listed;
  }
  const alternation = schema.pattern?.match(/^\(?([A-Za-z_]+(?:\|[A-Za-z_]+)+)\)?$/);
  return alternation ? alternation[1]!.split('|') : undefined;
}

export function createGenerator(doc: OpenApiDocument, options: GenerateOptions) {
  const { mode } = options;
  const cache = new Map<string, fc.Arbitrary<unknown>>();

  function resolve(schema: Schema): { schema: Schema; name: string | undefined } {
    let name: string | undefined;
    while (schema.$ref) {
      name = decodeURIComponent(schema.$ref.split('/').pop()!);
      const next = doc.components.schemas[name];
      if (!next) throw new Error(`unresolved ${schema.$ref}`);
      schema = next;
    }
    return { schema, name };
  }

  function merged(schema: Schema): Schema {
    if (!schema.allOf) return schema;
    const parts = schema.allOf.map((s) => merged(resolve(s).schema));
    return {
      ...schema,
      allOf: undefined,
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties), schema.properties),
      required: [...parts.flatMap((p) => p.required ?? []), ...(schema.required ?? [])],
    };
  }

  function string(schema: Schema): fc.Arbitrary<string> {
    const description = schema.description ?? '';
    if ((/ISO[- ]3166(-1)? alpha-2/i.test(description) || /same values as shipping_countries/.test(description)) && !schema.pattern) {
      return fc.stringMatching(/^[A-Za-z]{2}$/);
    }
    if (/ISO 4217/.test(description) && !schema.pattern) return fc.stringMatching(/^[A-Z]{3}$/);
    if (schema.format === 'date-time' || /ISO 8601/.test(description)) {
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    }
    // "If defined has to be 1-8 characters" (Checkout's quantity_unit) is a length.
    const said = description.match(/has to be (\d+)-(\d+) characters/);
    const min = schema.minLength ?? (said ? Number(said[1]) : 0);
    if (said && schema.maxLength === undefined) schema = { ...schema, maxLength: Number(said[2]) };
    // Without a maxLength the document sets no limit: now and then a long string.
    const max = schema.maxLength ?? Math.max(min, 300);
    if (schema.pattern) {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
    }
    if (/\bUR[LI]\b/.test(description)) {
      return fc.webUrl({ withQueryParameters: true }).filter((u) => u.length >= Math.max(min, 1) && u.length <= max);
    }
    // Short strings, and now and then one exactly as long as the document allows. One
    // UTF-16 unit per character (ASCII and Latin-1/BMP letters): a document's maxLength
    // counts characters, and astral ones would count twice in JavaScript.
    return fc.oneof(
      { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 12), unit: CHARACTER }) },
      { weight: 1, arbitrary: fc.string({ minLength: max, maxLength: max, unit: CHARACTER }) },
    );
  }

  function integer(schema: Schema): fc.Arbitrary<number> {
    const wide = schema.format === 'int64';
    // "Non-negative value." in a description is a minimum of 0.
    const min = schema.minimum ?? (/non-negative/i.test(schema.description ?? '') ? 0 : wide ? Number.MIN_SAFE_INTEGER : -(2 ** 31));
    const max = schema.maximum ?? (wide ? Number.MAX_SAFE_INTEGER : 2 ** 31 - 1);
    return fc.integer({ min, max });
  }

  function arbitrary(given: Schema, depth: number, closed = false): fc.Arbitrary<unknown> {
    const { schema: resolved, name } = resolve(given);
    const key = name && `${name}@${depth > 4 ? 'deep' : depth}`;
    if (key && cache.has(key)) return cache.get(key)!;
    const result = build(merged(resolved), name, depth, closed);
    if (key) cache.set(key, result);
    return result;
  }

  function build(schema: Schema, name: string | undefined, depth: number, closed: boolean): fc.Arbitrary<unknown> {
    if (schema.oneOf || schema.anyOf) return fc.oneof(...(schema.oneOf ?? schema.anyOf)!.map((s) => arbitrary(s, depth + 1)));
    const values = allowedValues(schema);
    if (values) {
      const known = fc.constantFrom(...values);
      return mode === 'answer' && !closed ? fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN) }) : known;
    }
    switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
      case 'string':
        return string(schema);
      case 'integer':
        return integer(schema);
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum, max: schema.maximum });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        if (depth > 6) return fc.constant([]);
        const minLength = schema.minItems ?? 0;
        const items = schema.items ?? {};
        const described = items.description || items.$ref ? items : { ...items, description: schema.description };
        return fc.array(arbitrary(described, depth + 1, closed), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
      }
      case 'object': {
        const required = new Set([...(schema.required ?? []), ...((name && options.required?.[name]) ?? [])]);
        const closedFields = new Set((name && options.closed?.[name]) ?? []);
        const fields: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [field, property] of Object.entries(schema.properties ?? {})) {
          const { schema: target } = resolve(property);
          const readOnly = property.readOnly || target.readOnly;
          const writeOnly = property.writeOnly || target.writeOnly;
          if ((mode === 'request' && readOnly) || (mode === 'answer' && writeOnly)) continue;
          if (depth > 6 && !required.has(field)) continue;
          fields[field] = arbitrary(property, depth + 1, closedFields.has(field));
        }
        const requiredKeys = Object.keys(fields).filter((f) => required.has(f));
        const record = fc.record(fields, { requiredKeys });
        if (mode === 'request') return record;
        // A field that no document names yet: a liberal reader ignores it.
        return fc.tuple(record, fc.boolean()).map(([value, extra]) => (extra ? { ...value, field_added_later: { any: ['thing'] } } : value));
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  /** An arbitrary for the component `name` (e.g. `MerchantOrderDto`). */
  return (name: string): fc.Arbitrary<unknown> => arbitrary({ $ref: `#/components/schemas/${name}` }, 0);
}
