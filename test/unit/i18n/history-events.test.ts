/**
 * Every kind of history line has kk and ru text, and the i18n check knows the kinds from the
 * code's own list: a kind the locales lack is an error of the check, not a 500 of a page.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../../src/catalog/index.js';
import { i18nCodeLists } from '../../../src/compose.js';
import { readLocales, runCheck, type Locales } from '../../../src/i18n/index.js';
import { DEADLINE_BREACHED, historyActions, historyEvents, SUBMITTED } from '../../../src/usecases/index.js';
import { ROOT } from '../../helpers/project.js';

const locales = readLocales(path.join(ROOT, 'locales')) as Locales;

/** without: the locales with one action's text removed from one language. */
function without(language: 'kk' | 'ru', action: string): Locales {
  const workflow = structuredClone(locales[language].workflow) as { actions: Record<string, string> };
  delete workflow.actions[action];
  return { ...locales, [language]: { ...locales[language], workflow } };
}

const check = (input: Locales) =>
  runCheck({ locales: input, templates: [], code: [], codeLists: i18nCodeLists(), fonts: [], glossary: null, identicalAllow: { keys: {}, values: {} } });

describe('history events', () => {
  it('lists the events the use cases write themselves and every action of every service', () => {
    const actions = services.flatMap((s) => Object.values(s.states).flatMap((state) => Object.keys(state.actions ?? {})));
    expect(historyEvents(services)).toEqual(expect.arrayContaining([SUBMITTED, DEADLINE_BREACHED, ...actions]));
    expect(historyActions(services)).toEqual(expect.arrayContaining(['DEADLINE_BREACHED', 'EXTEND', 'AGE_OUT', 'EXPIRE_REFERRAL', 'REJECT_EDS']));
    expect(historyActions(services)).not.toContain(SUBMITTED);
  });

  it('has kk and ru text for every action line', () => {
    for (const language of ['kk', 'ru'] as const) {
      const actions = (locales[language].workflow as { actions: Record<string, string> }).actions;
      for (const action of historyActions(services)) expect(actions[action], `${language} ${action}`).toMatch(/\S/);
    }
  });

  it('makes the i18n check report an event whose text is missing, in the language that lacks it', () => {
    for (const language of ['kk', 'ru'] as const) {
      for (const action of [DEADLINE_BREACHED, 'AGE_OUT']) {
        const findings = check(without(language, action)).findings.filter((f) => f.rule === 'usage.undefined');
        expect(findings).toEqual([
          expect.objectContaining({ key: `workflow:actions.${action}`, language, severity: 'error', where: ['code list historyActions'] }),
        ]);
      }
    }
  });
});
