/** The ports the use cases need; rooms implement them and compose.ts plugs them in. */

/** Clock tells the time; tests pass a fixed one. */
export interface Clock {
  now(): Date;
}

/** DocumentTemplates renders a named template with a view to a complete HTML document. */
export interface DocumentTemplates {
  render(name: string, view: { readonly lang: 'kk' | 'ru' | 'kk+ru'; readonly [key: string]: unknown }): string;
}

/** PdfPrinter prints complete HTML to PDF bytes. */
export interface PdfPrinter {
  print(html: string): Promise<{ readonly bytes: Uint8Array; readonly pages: number }>;
}

/** DocumentNumbers hands out unique document numbers. */
export interface DocumentNumbers {
  next(kind: string, issuedAt: Date): Promise<string>;
}
