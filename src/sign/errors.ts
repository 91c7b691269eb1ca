/** Errors of the sign room; their kk and ru texts are in locales/{kk,ru}/errors.json. */
import { defineError } from '../domain/index.js';

/** SigningKeyFileMissingError: a configured key, chain, anchor or CRL file does not exist. */
export const SigningKeyFileMissingError = defineError<{ variable: string; path: string }>('SIGNING_KEY_FILE_MISSING', 'unavailable');
/** SigningKeyUnreadableError: the file exists but is not what the variable promises (or the password is wrong). */
export const SigningKeyUnreadableError = defineError<{ variable: string; path: string; problem: string }>(
  'SIGNING_KEY_UNREADABLE',
  'unavailable',
);
/** DevelopmentKeysMissingError: no production keys are configured and `qujat keys init` has not run. */
export const DevelopmentKeysMissingError = defineError<{ dir: string }>('DEVELOPMENT_KEYS_MISSING', 'unavailable');
/** CertificateSerialInvalidError: `qujat keys revoke` needs a hexadecimal serial number. */
export const CertificateSerialInvalidError = defineError<{ serial: string }>('CERTIFICATE_SERIAL_INVALID', 'invalid');
/** DemoSignerNotDevelopmentError: the demonstration signer found a CA or certificate that is not the local development CA's. */
export const DemoSignerNotDevelopmentError = defineError<{ dir: string; problem: string }>('DEMO_SIGNER_NOT_DEVELOPMENT', 'unavailable');
/** DemoCertificateUnknownError: no development citizen has this IIN. */
export const DemoCertificateUnknownError = defineError<{ iin: string }>('DEMO_CERTIFICATE_UNKNOWN', 'not_found');
