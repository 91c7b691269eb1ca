import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, isValidIin } from '../../../src/domain/index.js';
import {
  createEmbeddedRegistries,
  createHttpRegistries,
  fullNameOf,
  type CivilRegistry,
  type PersonRegistry,
} from '../../../src/population/index.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../samples/registry');
const PARENT = '920228401036'; // Иванова Елена Петровна: two children, one of them disabled
const UNKNOWN_VALID_IIN = '770101300018';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.code}/${error.kind}`;
    throw error;
  }
  return 'no error';
}

function contract(name: string, registries: () => { persons: PersonRegistry; civil: CivilRegistry }) {
  describe(name, () => {
    it('finds a person by IIN with name, birth date, sex and address', async () => {
      const person = await registries().persons.findPerson(PARENT);
      expect(fullNameOf(person)).toBe('Иванова Елена Петровна');
      expect(person).toMatchObject({ birthDate: '1992-02-28', sex: 'female' });
      expect(person.address.kk).toContain('Павлодар');
    });

    it('answers PERSON_NOT_FOUND for an IIN it does not know', async () => {
      expect(isValidIin(UNKNOWN_VALID_IIN)).toBe(true);
      expect(await codeOf(registries().persons.findPerson(UNKNOWN_VALID_IIN))).toBe('PERSON_NOT_FOUND/not_found');
      expect(await codeOf(registries().civil.birthRecord(UNKNOWN_VALID_IIN))).toBe('PERSON_NOT_FOUND/not_found');
    });

    it('lists a parent’s children from ЗАГС and gives a birth record', async () => {
      const children = await registries().civil.childrenOf(PARENT);
      expect(children.map((c) => c.childIin).sort()).toEqual(['150319502043', '200825602032']);
      expect(await registries().civil.childrenOf(UNKNOWN_VALID_IIN)).toEqual([]);
      const record = await registries().civil.birthRecord('210510502015');
      expect(record).toMatchObject({ motherIin: '900903401021', fatherIin: '880412301010', recordNumber: '1021' });
    });

    it('knows the disabled child schooled at home', async () => {
      const child = await registries().persons.findPerson('150319502043');
      expect(child.disability).toMatchObject({ category: 'disabled-child', homeEducation: true });
    });
  });
}

describe('the sample registry files', () => {
  it('hold at least 20 people with valid IINs, parents of children under seven and a disabled child', () => {
    const { people } = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'people.json'), 'utf8')) as {
      people: { iin: string; birthDate: string; disability?: unknown }[];
    };
    const { births } = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'births.json'), 'utf8')) as { births: { childIin: string }[] };
    expect(people.length).toBeGreaterThanOrEqual(20);
    expect(people.filter((p) => !isValidIin(p.iin))).toEqual([]);
    expect(new Set(people.map((p) => p.iin)).size).toBe(people.length);
    const underSeven = people.filter((p) => p.birthDate > '2019-11-22');
    expect(underSeven.length).toBeGreaterThanOrEqual(4);
    expect(people.some((p) => p.disability)).toBe(true);
    for (const birth of births) expect(people.map((p) => p.iin)).toContain(birth.childIin);
  });
});

const embedded = createEmbeddedRegistries({ dir: SAMPLES });
contract('embedded registries', () => embedded);

describe('HTTP registries against a local server', () => {
  let server: http.Server;
  let baseUrl = '';
  const source = createEmbeddedRegistries({ dir: SAMPLES });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const url = req.url ?? '';
      const answer = async () => {
        let match: RegExpExecArray | null;
        if (url === '/broken/persons/880412301010') return send(500, { error: 'down' });
        if (url === '/garbled/persons/880412301010') return send(200, '{"iin": 12');
        if (url === '/wrong-shape/persons/880412301010') return send(200, { iin: '880412301010' });
        if (url.startsWith('/slow/')) return; // never answers: the client's timeout must end the wait
        if ((match = /^\/ok\/persons\/(\d+)\/children$/.exec(url))) return send(200, { births: await source.civil.childrenOf(match[1] ?? '') });
        if ((match = /^\/ok\/persons\/(\d+)$/.exec(url))) return send(200, await source.persons.findPerson(match[1] ?? ''));
        if ((match = /^\/ok\/births\/(\d+)$/.exec(url))) return send(200, await source.civil.birthRecord(match[1] ?? ''));
        return send(404, { error: 'not found' });
      };
      answer().catch(() => send(404, { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  contract('HTTP registries', () => createHttpRegistries({ baseUrl: `${baseUrl}/ok/`, timeoutMs: 5_000 }));

  it.each(['broken', 'garbled', 'wrong-shape', 'slow'])('answers REGISTRY_UNAVAILABLE when the registry is %s', async (mode) => {
    const registries = createHttpRegistries({ baseUrl: `${baseUrl}/${mode}`, timeoutMs: 300 });
    expect(await codeOf(registries.persons.findPerson('880412301010'))).toBe('REGISTRY_UNAVAILABLE/unavailable');
  });

  it('answers REGISTRY_UNAVAILABLE when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const registries = createHttpRegistries({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000 });
    expect(await codeOf(registries.civil.childrenOf(PARENT))).toBe('REGISTRY_UNAVAILABLE/unavailable');
  });
});
