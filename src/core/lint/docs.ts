/** The one place the documentation URL pattern lives; rules never write their own URL. */
export const REPOSITORY_URL = 'https://github.com/sagemaker-containers/sagemaker-containers';

export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

/** A section of the README, for findings that belong to the engine rather than a rule. */
export function readmeUrl(anchor: string): string {
  return `${REPOSITORY_URL}#${anchor}`;
}
