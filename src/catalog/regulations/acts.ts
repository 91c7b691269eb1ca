/**
 * The acts of the seeds (reference/seeds/): five akimats' resolutions approving regulations. Every
 * date and number is the act's own first lines; each was repealed, as the seed's «Утратило силу»
 * line says. The texts are `regulations:acts.<id>.*` in locales/.
 */
import type { Act } from '../../domain/index.js';

/** Pavlodar city akimat, 28.01.2013 N 155/1 (seed 000, in Russian). */
export const PAVLODAR_2013: Act = {
  id: 'pavlodar-2013-155-1',
  adopted: { date: '2013-01-28', number: '155/1', source: { seed: '000', lines: [7, 8] } },
  registered: { date: '2013-02-28', number: '3462', source: { seed: '000', lines: [8, 9] } },
  inForce: { afterPublicationDays: 10, source: { seed: '000', lines: [25, 26] } },
  repealed: { date: '2013-06-20', number: '778/3', source: { seed: '000', lines: [9, 12] } },
  seed: '000',
};

/** Ekibastuz city akimat, 15.02.2013 N 168/2 (seed 001, in Kazakh; a sister act of 000, not its translation). */
export const EKIBASTUZ_2013: Act = {
  id: 'ekibastuz-2013-168-2',
  adopted: { date: '2013-02-15', number: '168/2', source: { seed: '001', lines: [7, 8] } },
  registered: { date: '2013-03-12', number: '3477', source: { seed: '001', lines: [8, 9] } },
  inForce: { afterPublicationDays: 10, source: { seed: '001', lines: [29, 30] } },
  repealed: { date: '2013-06-19', number: '555/6', source: { seed: '001', lines: [9, 12] } },
  seed: '001',
};

/** Urdzhar district akimat (East Kazakhstan), 07.12.2012 N 502 (seed 002). */
export const URDZHAR_2012: Act = {
  id: 'urdzhar-2012-502',
  adopted: { date: '2012-12-07', number: '502', source: { seed: '002', lines: [5, 6] } },
  registered: { date: '2013-01-11', number: '2817', source: { seed: '002', lines: [6, 7] } },
  inForce: { afterPublicationDays: 10, source: { seed: '002', lines: [28, 29] } },
  repealed: { date: '2013-05-06', number: '187', source: { seed: '002', lines: [7, 10] } },
  seed: '002',
};

/** Aktobe region akimat, 09.06.2014 № 186: twenty state services under Standard № 217 (seed 003). */
export const AKTOBE_2014: Act = {
  id: 'aktobe-2014-186',
  adopted: { date: '2014-06-09', number: '186', source: { seed: '003', lines: [5, 6] } },
  registered: { date: '2014-07-11', number: '3964', source: { seed: '003', lines: [6, 7] } },
  inForce: { afterPublicationDays: 10, source: { seed: '003', lines: [86, 87] } },
  repealed: { date: '2015-07-27', number: '278', source: { seed: '003', lines: [7, 10] } },
  seed: '003',
};

/** Mamlyut district akimat (North Kazakhstan), 05.09.2012 N 346 (seed 004). */
export const MAMLYUT_2012: Act = {
  id: 'mamlyut-2012-346',
  adopted: { date: '2012-09-05', number: '346', source: { seed: '004', lines: [9, 9] } },
  registered: { date: '2012-09-14', number: '1864', source: { seed: '004', lines: [9, 9] } },
  inForce: { afterPublicationDays: 10, source: { seed: '004', lines: [19, 19] } },
  repealed: { date: '2013-05-21', number: '153', source: { seed: '004', lines: [11, 11] } },
  seed: '004',
};

/** ACTS: every act the catalogue's regulations cite. */
export const ACTS: readonly Act[] = [PAVLODAR_2013, EKIBASTUZ_2013, URDZHAR_2012, AKTOBE_2014, MAMLYUT_2012];
