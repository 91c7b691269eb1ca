/** The regulations of the catalogue's services and the acts that approve them (seed citations in each file). */
export { ACTS, AKTOBE_2014, EKIBASTUZ_2013, MAMLYUT_2012, PAVLODAR_2013, URDZHAR_2012 } from './acts.js';
export * from './unemployed-certificate.js';
export * from './disabled-children-home-education.js';
export * from './preschool-queue.js';
