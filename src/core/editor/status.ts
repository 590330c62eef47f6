/** The status bar entry of a Dockerfile: its container modes and why smlint believes them. */
import type { ModeInfo } from '../lint/types';

const ORIGINS: Record<ModeInfo['origin'], string> = {
  pragma: 'set by the `# smlint mode=` pragma',
  options: 'set in the settings or `.smlint.yaml`',
  detected: 'detected from the Dockerfile',
  default: 'nothing in the Dockerfile shows the job type, so both starts are checked',
};

export function modesText(info: ModeInfo): string {
  return `SageMaker: ${info.modes.join(' + ')}`;
}

/** Markdown: the modes, where they come from, and each piece of evidence with its 1-based line. */
export function modesTooltip(info: ModeInfo): string {
  const reasons = info.reasons.map((r) => `- **${r.mode}**: ${r.reason}${r.range ? ` (line ${r.range.start.line + 1})` : ''}`);
  return [
    `**Container modes: ${info.modes.join(', ')}**`,
    '',
    `Modes ${ORIGINS[info.origin]}.`,
    '',
    ...reasons,
    '',
    'Click to set them with a `# smlint mode=` pragma.',
  ].join('\n');
}
