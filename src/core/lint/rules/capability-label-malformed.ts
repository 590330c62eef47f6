import type { Label } from 'dockerfile-ast';
import { closestMatch } from '../spelling';
import { BIND_TO_PORT_LABEL, LABEL_PREFIX, MULTI_MODEL_LABEL } from '../knowledge';
import { defineRule, type Suggestion } from '../types';

const KNOWN = [BIND_TO_PORT_LABEL, MULTI_MODEL_LABEL];
const KNOWN_NAMES = KNOWN.map((key) => key.slice(LABEL_PREFIX.length));
/** Values people write for "yes"; SageMaker documents only `true`. */
const TRUTHY = /^(true|yes|y|on|1|enabled?)$/i;

export const capabilityLabelMalformed = defineRule({
  meta: {
    id: 'capability-label-malformed',
    severity: 'warning',
    basis: 'doc',
    modes: ['serve'],
    summary: 'SageMaker capability labels must be spelled exactly (accept-bind-to-port, multi-models) and have the value true.',
    source: ['DG:inference-pipeline-real-time', 'DG:multi-container-direct', 'DG:build-multi-model-build-container'],
    messages: {
      misspelledKey: 'SageMaker knows no capability label {key}, so the image declares nothing with it. Did you mean {closest}?',
      unknownKey: 'SageMaker knows no capability label {key}, so the image declares nothing with it. The capability labels are {known}.',
      badValue: 'SageMaker reads {key} only with the value true; {value} does not declare the capability. Use true, or remove the label if the image does not support it.',
      declaredFalse: '{key}=false declares nothing, the same as leaving the label out; SageMaker reads the label only with the value true. Remove it, or use true if the image supports the capability.',
    },
  },
  check(ctx) {
    for (const instruction of ctx.model.imageInstructionsOf('LABEL')) {
      for (const property of ctx.model.properties(instruction as Label)) {
        const key = property.getName();
        const nameRange = property.getNameRange();
        const written = ctx.model.textOf(nameRange);
        const quote = /^["']/.test(written) ? written[0] : '';
        if (!KNOWN.includes(key) && looksLikeCapability(key)) {
          const name = key.slice(key.lastIndexOf('.') + 1);
          const closest = closestMatch(name, KNOWN_NAMES);
          const suggestions: Suggestion[] | undefined = closest
            ? [{ title: `Change the key to ${LABEL_PREFIX}${closest}`, edits: [{ range: nameRange, newText: `${quote}${LABEL_PREFIX}${closest}${quote}` }] }]
            : undefined;
          ctx.report(closest
            ? { messageId: 'misspelledKey', range: nameRange, data: { key, closest: LABEL_PREFIX + closest }, suggestions }
            : { messageId: 'unknownKey', range: nameRange, data: { key, known: KNOWN.join(' and ') } });
          continue;
        }
        if (!KNOWN.includes(key)) continue;
        const value = property.getValue() ?? '';
        const valueRange = property.getValueRange();
        if (value === 'true') continue;
        const range = valueRange ?? property.getRange();
        const writtenValue = valueRange ? ctx.model.textOf(valueRange) : '';
        const valueQuote = /^["']/.test(writtenValue) ? writtenValue[0] : '';
        // `false` says plainly what the image does not support; it breaks nothing.
        if (value.toLowerCase() === 'false') {
          ctx.report({ messageId: 'declaredFalse', range, data: { key }, severity: 'info' });
          continue;
        }
        ctx.report({
          messageId: 'badValue',
          range,
          data: { key, value: value === '' ? 'an empty value' : value },
          // Only a spelling of "yes" can become `true` without changing what the author meant.
          suggestions: valueRange && TRUTHY.test(value)
            ? [{ title: 'Use the value true', edits: [{ range: valueRange, newText: `${valueQuote}true${valueQuote}` }] }]
            : undefined,
        });
      }
    }
  },
});

/** A key meant as a SageMaker capability: the exact prefix in another case, or a near spelling of it. */
function looksLikeCapability(key: string): boolean {
  const lower = key.toLowerCase();
  return lower.startsWith(LABEL_PREFIX) || (lower.startsWith('com.amazonaws.sagemaker.') && /\.capabilit[a-z]*\./.test(lower));
}
