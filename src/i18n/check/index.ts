/** The i18n check: pure rules over locale trees, templates and code, and a thin reader of a project tree. */
export { runCheck, formatReport } from './check.js';
export { checkRepository, readCheckInput, readGlossary, readIdenticalAllow, type CheckPaths } from './repository.js';
export { readFontCoverage, InvalidFontError, type FontCoverage } from './cmap.js';
export { Glossary, GlossaryTerm, containsStem, wordsOf } from './glossary.js';
export { mixedScriptProblem } from './rules-text.js';
export { requiredForms } from './rules-keys.js';
export { collectUses, codeUses, templateUses, errorCodesIn, type KeyUse } from './usage.js';
export { entriesOf, groupsOf, type Entry, type TextGroup } from './flatten.js';
export { RULES } from './types.js';
export type { CheckInput, CheckReport, CodeList, Finding, IdenticalAllowList, Locales, RuleId, Severity, SourceFile } from './types.js';
