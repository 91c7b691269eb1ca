/**
 * A test page that places the barcodes as the document layout does: module marks (empty links
 * whose href holds the modules, drawn into the PDF by the printer), each at its print size in mm,
 * the QR row on its own line under the verification block.
 */
import { code128, qrCode, type PrintedBarcode, type QrRow } from '../../../src/barcode/index.js';
import { moduleMarkHref } from '../../../src/render/index.js';

const mark = (code: PrintedBarcode) =>
  `<a class="barcode" href="${moduleMarkHref(code)}" style="width: ${code.widthMm}mm; height: ${code.heightMm}mm" aria-hidden="true" tabindex="-1"></a>`;

export const BARCODE_CSS = `
@page { size: A4; margin: 12mm 14mm 10mm 20mm; }
@font-face { font-family: 'Qujat Sans'; src: url(/fonts/LiberationSans-Regular.ttf) format('truetype'); }
body { margin: 0; font-family: 'Qujat Sans'; font-size: 7.5pt; line-height: 1.25; }
.verify-block { display: grid; grid-template-columns: auto 1fr auto; column-gap: 3mm; align-items: center; }
.barcode { display: block; flex: none; }
.qr-row { display: flex; flex-wrap: wrap; justify-content: flex-start; margin-top: 1mm; }
.qr-caption .tx, .verify-text .tx { display: block; }
.doc-number { text-align: center; font-size: 8pt; }
`;

/** barcodePage lays out a row, a verification link and the Code 128 of the number on one A4 page. */
export function barcodePage(row: QrRow, number: string, link: string): string {
  const parts = row.codes.map(mark).join('');
  return `<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>barcodes</title><style>${BARCODE_CSS}</style></head><body>
<p>Құжаттың мазмұны / Содержание документа</p>
<footer>
<div class="verify-block">
  ${mark(qrCode(link))}
  <div class="verify-text"><span class="tx" lang="kk">Құжаттың түпнұсқалығын тексеру үшін QR-кодты сканерлеңіз</span><span class="tx" lang="ru">Для проверки подлинности документа отсканируйте QR-код</span></div>
  <div>${mark(code128(number))}<div class="doc-number">${number}</div></div>
</div>
<div class="qr-row">${parts}</div>
<p class="qr-caption"><span class="tx" lang="kk">*QR-кодтарда құжаттың электрондық цифрлық қолтаңбамен қол қойылған деректері бар.</span><span class="tx" lang="ru">*QR-коды содержат данные документа, подписанные электронной цифровой подписью.</span></p>
</footer>
</body></html>`;
}
