import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalize } from './canonical-json.ts';

describe('RFC 8785 examples', () => {
  it('canonicalizes the section 3.2.2 sample', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalize(JSON.parse(input))).toBe(expected);
    expect(canonicalBytes(JSON.parse(input))).toEqual(Buffer.from(expected, 'utf8'));
  });

  it('sorts property names by UTF-16 code units (section 3.2.3 sample)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    const expected =
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
      '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
    expect(canonicalize(JSON.parse(input))).toBe(expected);
  });

  it('orders by code unit, not code point: U+1F600 (surrogates D83D..) sorts before U+FB33', () => {
    // Sorting by code point would put the emoji last; JCS mandates UTF-16 code-unit order.
    expect(canonicalize({ '\ufb33': 1, '😀': 2 })).toBe('{"😀":2,"\ufb33":1}');
  });

  // RFC 8785 Appendix B: IEEE 754 bit patterns and their required serialization.
  const numberTable: [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];

  it.each(numberTable)('serializes the double 0x%s as %s', (bits, expected) => {
    expect(canonicalize(Buffer.from(bits, 'hex').readDoubleBE(0))).toBe(expected);
  });

  it('rejects the Appendix B NaN and Infinity patterns', () => {
    for (const bits of ['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000']) {
      expect(() => canonicalize(Buffer.from(bits, 'hex').readDoubleBE(0))).toThrow(TypeError);
    }
  });
});

describe('serialization details', () => {
  it('formats numbers the ECMAScript way', () => {
    expect(canonicalize([1e30, 4.5, 0.002, -0, 1e-7, 1e21, 1e20, 100, -1.5, 0.1 + 0.2])).toBe(
      '[1e+30,4.5,0.002,0,1e-7,1e+21,100000000000000000000,100,-1.5,0.30000000000000004]',
    );
  });

  it('escapes exactly the required characters', () => {
    const controls = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).join('');
    expect(canonicalize(controls)).toBe(
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
        '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"',
    );
    expect(canonicalize('"\\/')).toBe('"\\"\\\\/"');
    // DEL, C1 controls, line/paragraph separators and astral characters stay literal.
    expect(canonicalize('\u007f\u0085\u2028\u2029é😀')).toBe('"\u007f\u0085\u2028\u2029é😀"');
  });

  it('emits no insignificant whitespace and sorts nested objects', () => {
    expect(canonicalize({ b: [1, { d: true, c: null }], a: 'x y' })).toBe('{"a":"x y","b":[1,{"c":null,"d":true}]}');
    expect(canonicalize({ 10: 'a', 2: 'b', 1: 'c' })).toBe('{"1":"c","10":"a","2":"b"}');
    expect(canonicalize({})).toBe('{}');
    expect(canonicalize([])).toBe('[]');
  });

  it('skips undefined properties and uses toJSON', () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalize({ at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })).toBe('{"at":"2024-01-02T03:04:05.000Z"}');
    expect(canonicalize({ k: { toJSON: (key: string) => `key was ${key}` } })).toBe('{"k":"key was k"}');
  });

  it('allows the same object to appear twice when there is no cycle', () => {
    const shared = { x: 1 };
    expect(canonicalize({ a: shared, b: [shared, shared] })).toBe('{"a":{"x":1},"b":[{"x":1},{"x":1}]}');
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.z = 1;
    bare.a = 2;
    expect(canonicalize(bare)).toBe('{"a":2,"z":1}');
  });

  it('encodes canonicalBytes as UTF-8', () => {
    expect(canonicalBytes({ '€': 'ö' }).toString('hex')).toBe('7b22e282ac223a22c3b6227d');
  });
});

describe('rejections', () => {
  const cyclicObject: Record<string, unknown> = { a: 1 };
  cyclicObject.self = cyclicObject;
  const cyclicArray: unknown[] = [1];
  cyclicArray.push({ inner: [cyclicArray] });

  const cases: [string, unknown, RegExp][] = [
    ['NaN', { n: Number.NaN }, /\$\.n: NaN is not a finite number/],
    ['Infinity', [Number.POSITIVE_INFINITY], /\$\[0\]: Infinity/],
    ['-Infinity', Number.NEGATIVE_INFINITY, /-Infinity/],
    ['undefined in an array', [1, undefined], /\$\[1\]: undefined/],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the case under test
    ['an array hole', [1, , 3], /\$\[1\]: undefined \(or a hole\)/],
    ['top-level undefined', undefined, /\$: undefined/],
    ['a function value', { f: () => 1 }, /\$\.f: functions/],
    ['a function in an array', [() => 1], /functions/],
    ['a bigint', { big: 10n }, /\$\.big: bigint/],
    ['a symbol value', { s: Symbol('s') }, /\$\.s: symbols/],
    ['a cyclic object', cyclicObject, /\$\.self: cyclic/],
    ['a cyclic array', cyclicArray, /\$\[1\]\.inner\[0\]: cyclic/],
    ['a Map', { m: new Map([['a', 1]]) }, /unsupported object type Map/],
    ['a Set', new Set([1]), /unsupported object type Set/],
    ['a class instance', new (class Point { x = 1 })(), /unsupported object type Point/],
    ['a lone high surrogate', '\ud800x', /lone UTF-16 surrogate U\+D800/],
    ['a lone low surrogate', { ['k\udc00']: 1 }, /lone UTF-16 surrogate U\+DC00/],
    ['a reversed surrogate pair', '\ude00\ud83d', /lone UTF-16 surrogate/],
    ['a toJSON returning a function', { t: { toJSON: () => () => 1 } }, /\$\.t: functions/],
  ];

  it.each(cases)('rejects %s with a TypeError naming the location', (_name, value, message) => {
    expect(() => canonicalize(value)).toThrow(TypeError);
    expect(() => canonicalize(value)).toThrow(message);
  });
});

describe('round-trip properties on random values', () => {
  // Deterministic PRNG (mulberry32) so a failure is reproducible.
  function randomSource(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function randomString(random: () => number): string {
    const pieces = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\u0000', '\u001f', '\u007f', 'é', '€', '\u2028', '😀', '\ufb33', '\uffff'];
    const length = Math.floor(random() * 6);
    return Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
  }

  function randomNumber(random: () => number): number {
    const choices = [
      () => Math.floor(random() * 2000) - 1000,
      () => (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20),
      () => Buffer.from(Array.from({ length: 8 }, () => Math.floor(random() * 256))).readDoubleBE(0),
    ];
    const value = choices[Math.floor(random() * choices.length)]!();
    // -0 does not survive a round trip by design (it canonicalizes to 0); covered separately.
    return Number.isFinite(value) && !Object.is(value, -0) ? value : 1;
  }

  function randomValue(random: () => number, depth: number): unknown {
    const kind = Math.floor(random() * (depth > 3 ? 4 : 6));
    switch (kind) {
      case 0:
        return randomString(random);
      case 1:
        return randomNumber(random);
      case 2:
        return random() < 0.5;
      case 3:
        return null;
      case 4:
        return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
      default: {
        const object: Record<string, unknown> = {};
        const size = Math.floor(random() * 5);
        for (let i = 0; i < size; i++) object[randomString(random)] = randomValue(random, depth + 1);
        return object;
      }
    }
  }

  // Independent oracle: for well-formed strings and finite numbers, ECMAScript JSON.stringify
  // escapes and formats exactly like JCS, so only the key order needs doing here.
  function sortKeysDeep(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeysDeep);
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      // A Map preserves insertion order even for integer-like keys, unlike a plain object.
      return new Map(entries.map(([k, v]) => [k, sortKeysDeep(v)]));
    }
    return value;
  }

  function oracle(value: unknown): string {
    const sorted = sortKeysDeep(value);
    const encode = (v: unknown): string => {
      if (v instanceof Map) return `{${[...v].map(([k, x]) => `${JSON.stringify(k)}:${encode(x)}`).join(',')}}`;
      if (Array.isArray(v)) return `[${v.map(encode).join(',')}]`;
      return JSON.stringify(v);
    };
    return encode(sorted);
  }

  function shuffleKeysDeep(value: unknown, random: () => number): unknown {
    if (Array.isArray(value)) return value.map((v) => shuffleKeysDeep(v, random));
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).sort(() => random() - 0.5);
      return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeysDeep(v, random)]));
    }
    return value;
  }

  const random = randomSource(0x8785);
  const samples = Array.from({ length: 500 }, () => randomValue(random, 0));

  it('parses back to the same value', () => {
    for (const value of samples) expect(JSON.parse(canonicalize(value))).toEqual(value);
  });

  it('is a fixed point: canonicalizing parsed canonical text changes nothing', () => {
    for (const value of samples) {
      const text = canonicalize(value);
      expect(canonicalize(JSON.parse(text))).toBe(text);
    }
  });

  it('does not depend on property insertion order', () => {
    for (const value of samples) expect(canonicalize(shuffleKeysDeep(value, random))).toBe(canonicalize(value));
  });

  it('agrees with a key-sorting JSON.stringify oracle', () => {
    for (const value of samples) expect(canonicalize(value)).toBe(oracle(value));
  });
});
