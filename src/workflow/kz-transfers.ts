/**
 * Government day transfers (перенос дней отдыха) that date-holidays does not know: a rest day moved
 * onto a weekday and, in exchange, a weekend day made a working day. Substitute days for holidays
 * that fall on a weekend (Labour Code art. 84) are in date-holidays already.
 *
 * Only transfers confirmed from the material at hand are listed. The decree/order numbers could
 * not be confirmed from it, so they are not given; add them, and later years, as they are
 * published (adilet.zan.kz).
 */

/** DayTransfer: `restDay` becomes a day off, `workingDay` (a Saturday or Sunday) a working day. */
export interface DayTransfer {
  readonly restDay: string;
  readonly workingDay: string;
  readonly source: string;
}

/** KZ_DAY_TRANSFERS: per year; a year listed with no transfers had none announced. */
export const KZ_DAY_TRANSFERS: Readonly<Record<number, readonly DayTransfer[]>> = {
  2025: [
    {
      restDay: '2025-01-03',
      workingDay: '2025-01-05',
      // Reported in November 2024 (informburo.kz, energy-city.kz): order of the Minister of Labour
      // and Social Protection moving the rest day from Sunday 5 January to Friday 3 January 2025.
      source: 'Order of the Minister of Labour and Social Protection of the RK, November 2024 (number not confirmed)',
    },
  ],
  // The 2026 New Year holidays (1–4 January) need no transfer: 3–4 January fall on a weekend
  // (alau.kz, 19.11.2025; zakon.kz, 24.11.2025). No other 2026 transfer was found.
  2026: [],
};
