/**
 * A regulation («регламент») is how one act of an akimat says a service is delivered: the channels
 * it offers, the norm of each step, the refusal grounds it names. A service (national: the Standard,
 * the form, the documents, the state machine) has one or more regulations; a provider works under
 * one of them, and an application keeps the one it was taken under. Every field cites the seed text
 * it comes from, so a reader can check it against the act.
 */
import type { Channel, DeadlineRule } from './service-definition.js';

/** SeedSource: where a fact stands in the seed acts (reference/seeds/<seed>_*.txt, lines inclusive). */
export interface SeedSource {
  readonly seed: string;
  readonly lines: readonly [number, number];
}

/** ActReference: an act's date and number, as the act itself gives them. */
export interface ActReference {
  readonly date: string;
  readonly number: string;
  readonly source: SeedSource;
}

/**
 * Act: an akimat's act approving regulations. Its texts (issuer, title, the registration and
 * repeal lines) are i18n keys `regulations:acts.<id>.*` in kk and ru.
 */
export interface Act {
  readonly id: string;
  readonly adopted: ActReference;
  /** registered: the number and date of its state registration by the justice department. */
  readonly registered: ActReference;
  /** inForce: the act enters into force a number of calendar days after its first official publication, which the seeds do not date. */
  readonly inForce: { readonly afterPublicationDays: number; readonly source: SeedSource };
  /** repealed: the act that repealed it, or null while it is in force; the catalogue records a repeal once it has happened. */
  readonly repealed: ActReference | null;
  /** seed: the seed file that holds the act's text. */
  readonly seed: string;
}

/** RegulationStep: the norm of one state of the service's workflow under this regulation. */
export interface RegulationStep {
  readonly deadline: DeadlineRule;
  readonly source: SeedSource;
}

/**
 * Regulation: one act's regulation of one service. `steps` times states of the service's workflow;
 * a state it does not name has no norm under this regulation (the act times no step of it).
 */
export interface Regulation {
  readonly id: string;
  readonly act: Act;
  /** source: the lines of the seed that hold this regulation. */
  readonly source: SeedSource;
  readonly channels: readonly Channel[];
  readonly channelsSource: SeedSource;
  readonly steps: { readonly [state: string]: RegulationStep };
  /** reasons: the refusal grounds the regulation names, as refusal reason codes. */
  readonly reasons: readonly string[];
  readonly reasonsSource: SeedSource;
}

/** isRepealed: another act repealed this one. */
export function isRepealed(act: Act): boolean {
  return act.repealed !== null;
}
