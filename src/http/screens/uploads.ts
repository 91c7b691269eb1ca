/**
 * The portal's attachments: a multipart body parsed in memory within the configured limits, each
 * file judged by its content (PDF, JPEG or PNG), and the count and total checked over the files
 * of the request together with those kept from an earlier page.
 */
import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError, defineError } from '../../domain/index.js';
import { FormTooManyFieldsError, UploadInvalidError } from '../errors.js';
import { detectAttachmentType } from './file-types.js';
import type { HeldFile } from './upload-store.js';

/** AttachmentTypeNotAllowedError: the file's content is not a PDF, JPEG or PNG, whatever its name says. */
export const AttachmentTypeNotAllowedError = defineError<{ name: string }>('ATTACHMENT_TYPE_NOT_ALLOWED', 'invalid');
/** AttachmentTooLargeError: one file is over the per-file limit. */
export const AttachmentTooLargeError = defineError<{ maxMb: string }>('ATTACHMENT_TOO_LARGE', 'invalid');
/** AttachmentsTooManyError: more files than an application may carry. */
export const AttachmentsTooManyError = defineError<{ max: number }>('ATTACHMENTS_TOO_MANY', 'invalid');
/** AttachmentsTotalTooLargeError: the files together are over the per-application limit. */
export const AttachmentsTotalTooLargeError = defineError<{ maxMb: string }>('ATTACHMENTS_TOTAL_TOO_LARGE', 'invalid');

export interface UploadLimits {
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  readonly maxFiles: number;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);

/** ParsedUpload: the form's text fields, and its files or the reason they were refused. */
export interface ParsedUpload {
  readonly files: HeldFile[];
  readonly error: AppError | null;
}

/** uploadStatus: 413 for a size limit, 400 for any other refusal of the files. */
export function uploadStatus(error: AppError): number {
  return error.code === AttachmentTooLargeError.code || error.code === AttachmentsTotalTooLargeError.code ? 413 : 400;
}

/**
 * attachmentParser reads a multipart form. The text fields that came before a refused file are
 * still read (the form puts its files last), so the page can show the values back.
 */
export function attachmentParser(limits: UploadLimits, kindOf: (field: string) => { field: string; kind: string } | null) {
  const parse = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 200, fieldSize: 64 * 1024, parts: 200 + limits.maxFiles },
  }).any();
  return (req: Request, res: Response): Promise<ParsedUpload> =>
    new Promise((resolve, reject) => {
      parse(req, res, (failure: unknown) => {
        if (failure) {
          const code = (failure as { code?: string }).code;
          // More fields than any form has is not a form to show back: 413, as for a urlencoded one.
          if (code === 'LIMIT_FIELD_COUNT' || code === 'LIMIT_PART_COUNT') {
            reject(new FormTooManyFieldsError({}));
            return;
          }
          const error =
            code === 'LIMIT_FILE_SIZE'
              ? new AttachmentTooLargeError({ maxMb: megabytes(limits.maxFileBytes) })
              : code === 'LIMIT_FILE_COUNT'
                ? new AttachmentsTooManyError({ max: limits.maxFiles })
                : new UploadInvalidError({ problem: String(code ?? 'multipart') });
          req.body ??= {};
          resolve({ files: [], error });
          return;
        }
        req.body ??= {};
        resolve(judge(Array.isArray(req.files) ? req.files : [], limits, kindOf));
      });
    });
}

/** totalsError: the refusal of a set of files over the count or the total size, or null. */
export function totalsError(files: readonly HeldFile[], limits: UploadLimits): AppError | null {
  if (files.length > limits.maxFiles) return new AttachmentsTooManyError({ max: limits.maxFiles });
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  return total > limits.maxTotalBytes ? new AttachmentsTotalTooLargeError({ maxMb: megabytes(limits.maxTotalBytes) }) : null;
}

function judge(
  uploaded: readonly Express.Multer.File[],
  limits: UploadLimits,
  kindOf: (field: string) => { field: string; kind: string } | null,
): ParsedUpload {
  const files: HeldFile[] = [];
  for (const file of uploaded) {
    const slot = kindOf(file.fieldname);
    if (!slot) return { files: [], error: new UploadInvalidError({ problem: file.fieldname }) };
    const bytes = new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
    const type = detectAttachmentType(bytes);
    if (!type) return { files: [], error: new AttachmentTypeNotAllowedError({ name: file.originalname }) };
    files.push({ ...slot, name: file.originalname, type, bytes });
  }
  return { files, error: totalsError(files, limits) };
}
