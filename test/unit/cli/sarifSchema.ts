import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';

// The pre-final 2.1.0 schema (draft-04) shipped in @microsoft/jest-sarif; ajv needs the draft-04
// build, the formats plugin, and non-unicode regexps for the schema's malformed `language` pattern.
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ unicodeRegExp: false, allErrors: true });
addFormats(ajv);
export const validateSarif = ajv.compile(schema);

/** Parses a SARIF log and fails with ajv's messages unless it matches the SARIF 2.1.0 schema. */
export function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  assert.ok(validateSarif(log), ajv.errorsText(validateSarif.errors, { separator: '\n' }));
  return log;
}
