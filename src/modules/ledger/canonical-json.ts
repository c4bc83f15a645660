// RFC 8785 JSON Canonicalization Scheme (JCS).
//
// Ledger entries are hashed over these bytes, so the same logical value must always produce
// the same bytes, on any machine and after any JSON round trip. Anything JSON cannot represent
// exactly is rejected loudly instead of being silently dropped or altered the way
// JSON.stringify would (functions, NaN, Map contents, ...).

type JsonPath = string;

/** The RFC 8785 canonical JSON text of value. Throws TypeError if value is not representable. */
export function canonicalize(value: unknown): string {
  // The common case (plain data, as ledger events are) takes a fast path without path bookkeeping;
  // anything unusual, including every error, goes through the careful serializer below, which
  // produces the same text or a precise error message.
  return fastSerialize(value, 0) ?? serializeValue(value, '', '$', new Set());
}

const UNUSUAL: unique symbol = Symbol('unusual');
const INDEX_LIKE_KEY = /^(0|[1-9][0-9]*)$/;
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;
const MAX_FAST_DEPTH = 64;

/**
 * RFC 8785 serializes strings and numbers exactly as ECMAScript's JSON.stringify does, so for
 * plain data it is enough to copy objects with their keys in UTF-16 code-unit order (the default
 * string sort) and let V8's JSON.stringify write the text in one pass. Returns null when the
 * value needs the careful path: index-like keys (which JavaScript objects would reorder),
 * non-finite numbers, undefined in arrays, toJSON, non-plain objects, deep nesting, and lone
 * surrogates (which JSON.stringify escapes while RFC 8785 rejects them).
 */
function fastSerialize(value: unknown, depth: number): string | null {
  const copy = sortedCopy(value, depth);
  if (copy === UNUSUAL) return null;
  const text = JSON.stringify(copy);
  return ESCAPED_SURROGATE.test(text) ? null : text;
}

function sortedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNUSUAL;
    case 'object': {
      if (value === null) return null;
      if (depth > MAX_FAST_DEPTH) return UNUSUAL;
      if (Array.isArray(value)) {
        const out: unknown[] = new Array(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) return UNUSUAL;
          const copied = sortedCopy(item, depth + 1);
          if (copied === UNUSUAL) return UNUSUAL;
          out[i] = copied;
        }
        return out;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in value) return UNUSUAL;
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record).sort()) {
        if (INDEX_LIKE_KEY.test(key)) return UNUSUAL;
        const member = record[key];
        if (member === undefined) continue;
        const copied = sortedCopy(member, depth + 1);
        if (copied === UNUSUAL) return UNUSUAL;
        out[key] = copied;
      }
      return out;
    }
    default:
      return UNUSUAL;
  }
}

/** The UTF-8 encoding of canonicalize(value): the exact bytes to hash or sign. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalize(value), 'utf8');
}

function serializeValue(input: unknown, key: string, path: JsonPath, ancestors: Set<object>): string {
  const value = applyToJSON(input, key);
  switch (typeof value) {
    case 'string':
      return serializeString(value, path);
    case 'number':
      return serializeNumber(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return fail(path, 'undefined is not a JSON value');
    case 'bigint':
      return fail(path, 'bigint is not allowed; convert it to a string or a safe-integer number first');
    case 'symbol':
      return fail(path, 'symbols are not JSON values');
    case 'function':
      return fail(path, 'functions are not JSON values');
    case 'object':
      if (value === null) return 'null';
      if (ancestors.has(value)) return fail(path, 'cyclic structure');
      ancestors.add(value);
      try {
        return Array.isArray(value) ? serializeArray(value, path, ancestors) : serializeObject(value, path, ancestors);
      } finally {
        ancestors.delete(value);
      }
  }
}

// Honour toJSON like JSON.stringify does, so that for example a Date hashes as its ISO string.
function applyToJSON(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null && 'toJSON' in value && typeof value.toJSON === 'function') {
    return (value.toJSON as (key: string) => unknown)(key);
  }
  return value;
}

function serializeArray(array: readonly unknown[], path: JsonPath, ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let index = 0; index < array.length; index++) {
    const elementPath = `${path}[${index}]`;
    // JSON.stringify would turn undefined (and holes) into null; that silently changes the data.
    if (array[index] === undefined) fail(elementPath, 'undefined (or a hole) inside an array');
    parts.push(serializeValue(array[index], String(index), elementPath, ancestors));
  }
  return `[${parts.join(',')}]`;
}

function serializeObject(object: object, path: JsonPath, ancestors: Set<object>): string {
  const prototype: unknown = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    // Map, Set, class instances, boxed primitives...: JSON.stringify would mangle or empty them.
    const typeName = (object as { constructor?: { name?: unknown } }).constructor?.name;
    fail(path, `unsupported object type ${typeof typeName === 'string' ? typeName : 'unknown'}; pass a plain object`);
  }
  const record = object as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort(compareUtf16CodeUnits)) {
    const memberValue = record[key];
    if (memberValue === undefined) continue;
    const memberPath = describeMemberPath(path, key);
    members.push(`${serializeString(key, memberPath)}:${serializeValue(memberValue, key, memberPath, ancestors)}`);
  }
  return `{${members.join(',')}}`;
}

// RFC 8785 section 3.2.3: property names are ordered by their UTF-16 code units, not by code
// points or locale. JavaScript's relational string comparison is exactly that.
function compareUtf16CodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

// RFC 8785 section 3.2.2.3: ECMAScript Number.prototype.toString is the required serialization
// (shortest round-trip digits, exponent form from 1e21 and below 1e-6, and -0 becomes 0).
function serializeNumber(value: number, path: JsonPath): string {
  if (!Number.isFinite(value)) return fail(path, `${String(value)} is not a finite number`);
  return String(value);
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

// RFC 8785 section 3.2.2.2: escape only '"', '\' and U+0000..U+001F (two-character forms where
// JSON has them, otherwise \u00xx in lowercase hex); every other character is emitted as is.
function serializeString(value: string, path: JsonPath): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const shortEscape = SHORT_ESCAPES[unit];
    if (shortEscape !== undefined) {
      out += shortEscape;
    } else if (unit < 0x20) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      // A lone surrogate has no UTF-8 encoding: it would silently become U+FFFD and two
      // different strings would hash alike. I-JSON (required by RFC 8785) forbids it.
      const next = value.charCodeAt(i + 1);
      const isPair = unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (!isPair) fail(path, `lone UTF-16 surrogate U+${unit.toString(16).toUpperCase()} in a string`);
      out += value.slice(i, i + 2);
      i += 1;
    } else {
      out += value[i];
    }
  }
  return `${out}"`;
}

function describeMemberPath(parent: JsonPath, key: string): JsonPath {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function fail(path: JsonPath, reason: string): never {
  throw new TypeError(`Cannot canonicalize JSON at ${path}: ${reason}`);
}
