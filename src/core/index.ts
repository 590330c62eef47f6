/** The pure core: everything the CLI, the extension and the wizard share. */
export * from './lint/types';
export { lint, formatMessage, ENGINE_IDS } from './lint/engine';
export { applyEdits, eolOf } from './lint/edits';
export { docsUrl, readmeUrl, REPOSITORY_URL } from './lint/docs';
export { allRules, ruleById } from './lint/rules';
