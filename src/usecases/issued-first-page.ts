/**
 * The picture of an issued document's first page, shown on the verification page next to the
 * signed content in words, so that a person holding a paper or a file can see whether its pages
 * say what was issued (a signature covers the signed XML, never what a page shows).
 *
 * Only someone who already holds the document sees it: the holder of the verification token, or
 * whoever just uploaded its genuine signed data. The latter gets a pass made from the registered
 * signed XML itself (a hash of it, under a label of its own), so any instance can check it against
 * the registry without state, and nobody without the signed XML can make one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IssuedDocuments } from './ports.js';

/** FirstPageAccess is what a request shows to see the picture: the token, or a pass from an upload. */
export interface FirstPageAccess {
  readonly token?: string;
  readonly pass?: string;
}

export interface IssuedFirstPageDeps {
  readonly registry: Pick<IssuedDocuments, 'readPdf' | 'readXml' | 'checkToken'>;
  /** raster draws page 1 of a PDF as a PNG. */
  readonly raster: (pdf: Uint8Array) => Promise<Uint8Array>;
}

/**
 * KEPT_PICTURES: pictures drawn lately, kept in memory. An issued PDF never changes, and a
 * verification link printed on paper can be opened again and again: each document is drawn once
 * while it is among the latest, whoever asks.
 */
const KEPT_PICTURES = 64;

const passOf = (signedXml: Uint8Array): string => createHash('sha256').update('qujat:first-page:1\n').update(signedXml).digest('base64url');

/** createIssuedFirstPage builds the passes and the picture from the registry. */
export function createIssuedFirstPage(deps: IssuedFirstPageDeps) {
  async function allowed(number: string, access: FirstPageAccess): Promise<boolean> {
    if (access.token) return deps.registry.checkToken(number, access.token);
    if (!access.pass) return false;
    const expected = Buffer.from(passOf(await deps.registry.readXml(number)));
    const given = Buffer.from(access.pass);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  const kept = new Map<string, Promise<Uint8Array>>();
  function draw(number: string): Promise<Uint8Array> {
    const picture = deps.registry.readPdf(number).then((pdf) => deps.raster(pdf));
    // A failed drawing is not kept; the caller still gets its error.
    picture.catch(() => kept.delete(number));
    return picture;
  }
  function pictureOf(number: string): Promise<Uint8Array> {
    const picture = kept.get(number) ?? draw(number);
    kept.delete(number);
    kept.set(number, picture);
    const oldest = kept.keys().next().value;
    if (kept.size > KEPT_PICTURES && oldest !== undefined) kept.delete(oldest);
    return picture;
  }

  return {
    /** pass is given only after a verification found the upload's signed data genuine and registered. */
    async pass(number: string): Promise<string> {
      return passOf(await deps.registry.readXml(number));
    },
    /** picture is the PNG of page 1 of the issued PDF, or null when the access does not open it. */
    async picture(number: string, access: FirstPageAccess): Promise<Uint8Array | null> {
      if (!(await allowed(number, access))) return null;
      return pictureOf(number);
    },
  };
}

/** IssuedFirstPage is what createIssuedFirstPage returns. */
export type IssuedFirstPage = ReturnType<typeof createIssuedFirstPage>;
