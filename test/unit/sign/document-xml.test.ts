/** The document XML: deterministic bytes, escaping, strict reading, input validation. */
import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../../src/domain/index.js';
import { DOCUMENT_NAMESPACE, DocumentShapeError, buildDocumentXml, parseDocumentXml } from '../../../src/sign/index.js';
import { documentInput as fixtureInput } from '../../integration/sign/fixtures.js';

/** The XML is pure: a fixed issue time, so the bytes can be asserted as written. */
const documentInput = () => fixtureInput({ issuedAt: new Date('2026-11-22T05:41:00Z') });

describe('buildDocumentXml', () => {
  test('same input → identical bytes, in our namespace, with the Almaty offset', () => {
    const first = buildDocumentXml(documentInput());
    const second = buildDocumentXml(structuredClone(documentInput()));
    expect(second).toBe(first);
    expect(first.startsWith(`<q:Document xmlns:q="${DOCUMENT_NAMESPACE}" version="1"><q:Number>KZ-2026-000123</q:Number>`)).toBe(true);
    expect(first).toContain('<q:IssuedAt>2026-11-22T10:41:00+05:00</q:IssuedAt>');
    expect(first).not.toMatch(/>\s+</);
    expect(first).not.toContain('itrc.kz');
  });

  test('escapes & < > " in text and attributes', () => {
    const xml = buildDocumentXml(documentInput());
    expect(xml).toContain('<q:Value>Алматы қ., Абай даңғылы 1 &amp; &lt;2&gt;</q:Value>');
    const quoted = documentInput();
    const xml2 = buildDocumentXml({ ...quoted, applicant: { ...quoted.applicant, fullName: 'О"Нил <b>' } });
    expect(xml2).toContain('<q:FullName>О&quot;Нил &lt;b&gt;</q:FullName>');
    expect(parseDocumentXml(xml2).applicant.fullName).toBe('О"Нил <b>');
  });

  test('kk block first, then ru, each with its title and fields in order', () => {
    const parsed = parseDocumentXml(buildDocumentXml(documentInput()));
    expect(parsed.content.kk.title).toBe('Жұмыссыз ретінде тіркелу туралы анықтама');
    expect(parsed.content.ru.fields.map((f) => f.name)).toEqual(['registeredOn', 'address']);
    expect(parsed.issuer.name.kk).toContain('бөлімі');
    expect(parsed.issuedAtInstant.toISOString()).toBe('2026-11-22T05:41:00.000Z');
  });

  test.each([
    ['a control character', '\u0007bell'],
    ['a carriage return', 'line\r\nbreak'],
    ['a lone surrogate', 'x\uD800y'],
    ['U+FFFF', 'x\uFFFF'],
  ])('refuses %s in a value', (_name, value) => {
    const input = documentInput();
    const bad = { ...input, applicant: { ...input.applicant, fullName: value } };
    expect(() => buildDocumentXml(bad)).toThrow(InvalidInputError);
  });

  test('keeps tab, line feed and characters outside the BMP', () => {
    const input = documentInput();
    const xml = buildDocumentXml({ ...input, applicant: { ...input.applicant, fullName: 'a\tb\nc 𝔸' } });
    expect(parseDocumentXml(xml).applicant.fullName).toBe('a\tb\nc 𝔸');
  });

  test('refuses an invalid IIN or BIN, and kk/ru blocks with different fields', () => {
    const input = documentInput();
    const issues = (bad: unknown) => {
      try {
        buildDocumentXml(bad as typeof input);
      } catch (error) {
        return (error as InstanceType<typeof InvalidInputError>).params.details.map((d) => `${d.path}:${d.rule}`);
      }
      return [];
    };
    expect(issues({ ...input, applicant: { ...input.applicant, iin: '000101500002' } })).toEqual(['applicant.iin:INVALID_IIN']);
    expect(issues({ ...input, issuer: { ...input.issuer, bin: '140540001232' } })).toEqual(['issuer.bin:INVALID_BIN']);
    const ru = { ...input.content.ru, fields: input.content.ru.fields.slice(1) };
    expect(issues({ ...input, content: { ...input.content, ru } })).toEqual(['content.ru.fields:NOT_ALLOWED_VALUE']);
  });
});

describe('parseDocumentXml', () => {
  test.each([
    ['an unknown element', (x: string) => x.replace('<q:Kind>', '<q:Extra>x</q:Extra><q:Kind>'), 'DOCUMENT_INVALID'],
    ['an unknown attribute', (x: string) => x.replace('<q:Applicant>', '<q:Applicant role="x">'), 'DOCUMENT_INVALID'],
    ['mixed content', (x: string) => x.replace('<q:Iin>', 'text<q:Iin>'), 'DOCUMENT_INVALID'],
    ['markup inside a value', (x: string) => x.replace('<q:Iin>000101500001', '<q:Iin><b>000101500001</b>'), 'DOCUMENT_INVALID'],
    ['a wrong language block order', (x: string) => x.replace('<q:Content xml:lang="kk">', '<q:Content xml:lang="ru">'), 'DOCUMENT_INVALID'],
    ['another version', (x: string) => x.replace('version="1"', 'version="2"'), 'NOT_A_QUJAT_DOCUMENT'],
    ['another namespace', (x: string) => x.replaceAll(DOCUMENT_NAMESPACE, 'urn:other'), 'NOT_A_QUJAT_DOCUMENT'],
    ['an issue time without offset', (x: string) => x.replace('+05:00<', '<'), 'DOCUMENT_INVALID'],
    ['a DOCTYPE', (x: string) => `<!DOCTYPE q:Document>${x}`, 'DOCTYPE_FORBIDDEN'],
  ])('refuses %s', (_name, edit, reason) => {
    const xml = edit(buildDocumentXml(documentInput()));
    let caught: unknown;
    try {
      parseDocumentXml(xml);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentShapeError);
    expect((caught as DocumentShapeError).reason).toBe(reason);
  });
});
