/** The request XML: deterministic, and the form data reads back to the same JSON value. */
import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../../src/domain/index.js';
import { DocumentShapeError, MAX_FORM_DEPTH, buildRequestXml, readRequestXml, type JsonValue, type SubmitRequest } from '../../../src/sign/index.js';

const request = (form: JsonValue, overrides: Partial<SubmitRequest> = {}): SubmitRequest => ({
  serviceId: 'preschool-queue',
  channel: 'portal',
  providerId: 'urzhar-education',
  language: 'kk',
  applicant: { iin: '900903401021' },
  signedAt: new Date('2026-11-22T05:41:07Z'),
  form,
  ...overrides,
});

const nested = (depth: number): JsonValue => (depth === 0 ? 'түбі' : { level: [nested(depth - 1)] });

function issues(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InstanceType<typeof InvalidInputError>).params.details;
  }
  throw new Error('no error');
}

describe('round trip', () => {
  const form = {
    child: { iin: '210510502015', fullName: 'Омаров Әлихан Ерланұлы' },
    preferences: ['«Балдырған» бөбекжай-бақшасы', 'Детский сад № 3 «Солнышко»'],
    markup: '<q:Iin>000101500001</q:Iin> & "quoted" ]]> <!-- not a comment --> &amp;',
    whitespace: '  two\tlines\r\nand CR\r  ',
    empty: '',
    count: 3,
    ratio: -0.125,
    big: 1.5e300,
    agreed: true,
    refused: false,
    nothing: null,
    emptyObject: {},
    emptyArray: [],
    'name with\ttab, "quotes" & <angle>': 'ok',
    '': 'an empty key',
    __proto__x: 'not special',
  };

  test('Kazakh text, markup-like strings, whitespace, every JSON type come back unchanged', () => {
    const xml = buildRequestXml(request(form));
    expect(readRequestXml(xml)).toEqual(request(form));
    expect(readRequestXml(Buffer.from(xml, 'utf8'))).toEqual(request(form));
  });

  test('a member named __proto__ stays an own property', () => {
    const tricky = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonValue;
    const read = readRequestXml(buildRequestXml(request(tricky))).form as Record<string, unknown>;
    expect(Object.keys(read)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('any JSON value can be the form, and the provider is optional', () => {
    for (const value of ['just text', 42, null, [1, [2, [3]]], false]) {
      const { providerId: _omitted, ...withoutProvider } = request(value);
      expect(readRequestXml(buildRequestXml(withoutProvider))).toEqual(withoutProvider);
    }
  });

  test('the same request gives the same bytes, in the documented shape', () => {
    const xml = buildRequestXml(request({ a: [1, 'б'] }));
    expect(buildRequestXml(request({ a: [1, 'б'] }))).toBe(xml);
    expect(xml).toBe(
      '<r:Request xmlns:r="urn:qujat:request:1" version="1"><r:ServiceId>preschool-queue</r:ServiceId><r:Channel>portal</r:Channel>' +
        '<r:ProviderId>urzhar-education</r:ProviderId><r:Language>kk</r:Language><r:Applicant><r:Iin>900903401021</r:Iin></r:Applicant>' +
        '<r:SignedAt>2026-11-22T10:41:07+05:00</r:SignedAt><r:Form type="object"><r:Field name="a" type="array">' +
        '<r:Item type="number">1</r:Item><r:Item type="string">б</r:Item></r:Field></r:Form></r:Request>',
    );
  });

  test(`nesting: ${MAX_FORM_DEPTH} levels of objects and arrays are fine, one more is refused both ways`, () => {
    const deepest = nested(MAX_FORM_DEPTH / 2);
    expect(readRequestXml(buildRequestXml(request(deepest))).form).toEqual(deepest);
    expect(issues(() => buildRequestXml(request(nested(MAX_FORM_DEPTH / 2 + 1))))).toEqual([expect.objectContaining({ rule: 'INVALID_FORMAT' })]);
    const tooDeep = buildRequestXml(request(deepest)).replace('<r:Item type="string">түбі</r:Item>', '<r:Item type="array"><r:Item type="null"></r:Item></r:Item>');
    expect(() => readRequestXml(tooDeep)).toThrow(/deeper/);
  });
});

describe('what is not JSON is refused before writing, with its path', () => {
  test.each([
    ['NaN', { a: Number.NaN }, 'form.a'],
    ['Infinity', { a: [1, Number.POSITIVE_INFINITY] }, 'form.a.1'],
    ['undefined', { a: undefined }, 'form.a'],
    ['a Date', { when: new Date() }, 'form.when'],
    ['a control character', { a: 'bell\u0007' }, 'form.a'],
    ['a lone surrogate', { a: 'x\uD800' }, 'form.a'],
    ['a control character in a key', { 'k\u0001': 1 }, 'form.k\u0001'],
    ['a hole in an array', { a: [1, , 3] }, 'form.a.1'],
  ])('%s', (_name, form, path) => {
    expect(issues(() => buildRequestXml(request(form as unknown as JsonValue)))).toEqual([expect.objectContaining({ path, rule: 'INVALID_FORMAT' })]);
  });

  test('the envelope is validated too', () => {
    expect(issues(() => buildRequestXml(request({}, { applicant: { iin: '900903401022' }, channel: 'fax' as 'portal' })))).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'applicant.iin', rule: 'INVALID_IIN' }), expect.objectContaining({ path: 'channel' })]),
    );
  });
});

describe('the reader is strict', () => {
  const xml = buildRequestXml(request({ a: 1, b: 'x' }));

  test.each([
    ['a field named twice', xml.replace('name="b"', 'name="a"'), /twice/],
    ['an unknown type', xml.replace('type="number"', 'type="date"'), /type/],
    ['a number that is not JSON', xml.replace('>1<', '>0x1<'), /number/],
    ['a boolean that is not true or false', xml.replace('type="number">1', 'type="boolean">yes'), /boolean/],
    ['a null with text', xml.replace('type="number">1', 'type="null">1'), /null/],
    ['an extra attribute', xml.replace('name="a"', 'name="a" hidden="1"'), /attribute/],
    ['an element inside a string', xml.replace('>x<', '><r:Item type="null"></r:Item><'), /text only/],
    ['a Field without a name', xml.replace(' name="a"', ''), /name/],
    ['an Item in an object', xml.replace('<r:Field name="a" type="number">1</r:Field>', '<r:Item type="number">1</r:Item>'), /expected Field/],
    ['an unknown channel', xml.replace('>portal<', '>fax<'), /Channel/],
    ['an invalid IIN', xml.replace('900903401021', '900903401022'), /IIN/],
    ['a signing time without an offset', xml.replace('+05:00', ''), /SignedAt/],
  ])('%s', (_name, bad, message) => {
    expect(bad).not.toBe(xml);
    expect(() => readRequestXml(bad)).toThrow(message);
    expect(() => readRequestXml(bad)).toThrow(DocumentShapeError);
  });

  test('another root is NOT_A_QUJAT_REQUEST', () => {
    expect(() => readRequestXml(xml.replaceAll('urn:qujat:request:1', 'urn:qujat:document:1'))).toThrow(
      expect.objectContaining({ reason: 'NOT_A_QUJAT_REQUEST' }),
    );
  });
});
