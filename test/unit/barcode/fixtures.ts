/**
 * Test fixtures for the barcode room: signed-XML-like documents of a chosen size (Kazakh and
 * Russian text, an incompressible certificate and signature as in real XMLDSig, so that the
 * compression ratio resembles a real document), and an e-gov BarcodeElement row built the way
 * reference §1.1 describes (Java ZipOutputStream: entry `one`, DEFLATE, flag bit 3 with a data
 * descriptor, 650-byte raw slices, Base64 per slice).
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/** seededBytes: deterministic pseudo-random bytes (xorshift32), so fixtures never change. */
export function seededBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const KK = ['Жұмыссыз ретінде тіркелу туралы анықтама', 'Өтініш берушінің аты-жөні', 'Жұмыспен қамту орталығы', 'Әлеуметтік төлем тағайындалды', 'Құжат электрондық үкімет жүйесінде құрылды'];
const RU = ['Справка о регистрации в качестве безработного', 'Фамилия, имя, отчество заявителя', 'Центр занятости населения', 'Назначена социальная выплата', 'Документ сформирован системой электронного правительства'];

/** signedXmlOfSize builds a document of about `bytes` bytes (UTF-8) that ends with an XMLDSig block. */
export function signedXmlOfSize(bytes: number, seed = 7): Uint8Array {
  const cert = Buffer.from(seededBytes(1100, seed)).toString('base64');
  const signatureValue = Buffer.from(seededBytes(256, seed + 1)).toString('base64');
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:qujat:document:1" number="261234567890" kind="unemployed-certificate" issued="2026-11-22T10:15:00+05:00">\n';
  const signature =
    `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
    `<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI=""><ds:Transforms>` +
    `<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>${createHash('sha256').update(String(seed)).digest('base64')}</ds:DigestValue></ds:Reference></ds:SignedInfo>` +
    `<ds:SignatureValue>${signatureValue}</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>\n</document>\n`;
  const noise = seededBytes(4096, seed + 2);
  let body = '';
  for (let i = 0; Buffer.byteLength(head + body + signature) < bytes; i++) {
    const n = noise[i % noise.length]!;
    body += `<field name="f${i}"><kk>${KK[n % KK.length]} №${(n * 7919 + i) % 100000}</kk><ru>${RU[(n >> 3) % RU.length]} №${(n * 104729 + i) % 100000}</ru></field>\n`;
  }
  return Buffer.from(head + body + signature, 'utf8');
}

/** javaStyleZip writes one entry like java.util.zip.ZipOutputStream: flags 0x0808, data descriptor. */
export function javaStyleZip(name: string, content: Uint8Array, method: 0 | 8 = 8): Buffer {
  const data = method === 8 ? zlib.deflateRawSync(content) : Buffer.from(content);
  const crc = zlib.crc32(content);
  const fileName = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0808, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt16LE(fileName.length, 26);
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(crc, 4);
  descriptor.writeUInt32LE(data.length, 8);
  descriptor.writeUInt32LE(content.length, 12);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0808, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + fileName.length + data.length + descriptor.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, descriptor, central, fileName, end]);
}

/** egovRow cuts a ZIP into 650-byte slices and wraps each in a BarcodeElement (reference §1.1). */
export function egovRow(zip: Uint8Array, favorId: string, sliceBytes = 650): string[] {
  const count = Math.ceil(zip.length / sliceBytes);
  return Array.from({ length: count }, (_, i) => {
    const data = Buffer.from(zip.subarray(i * sliceBytes, (i + 1) * sliceBytes)).toString('base64');
    const ms = String(844 + i).padStart(3, '0');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<BarcodeElement xmlns="http://barcodes.pdf.shep.nitec.kz/">\n' +
      `<creationDate>2020-11-24T12:41:36.${ms}+06:00</creationDate>\n` +
      `<elementData>${data}</elementData>\n` +
      `<elementNumber>${i + 1}</elementNumber>\n` +
      `<elementsAmount>${count}</elementsAmount>\n` +
      `<FavorID>${favorId}</FavorID>\n` +
      '</BarcodeElement>\n'
    );
  });
}
