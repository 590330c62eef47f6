import { isAwsImageAccount } from '../../catalog';
import { pulledImages } from '../queries/baseImage';
import { defineRule, type BuildContext } from '../types';

export const ecrAccountRegionMismatch = defineRule({
  meta: {
    id: 'ecr-account-region-mismatch',
    severity: 'error',
    basis: 'doc',
    modes: ['train', 'serve', 'processing', 'studio'],
    summary: 'A pre-built SageMaker image must be pulled from the account that hosts its repository in that region.',
    source: ['DLC:docs/reference/region_availability.md', 'DLC:docs/get_started/index.md', 'DG:prebuilt-containers-extend'],
    messages: {
      accountMismatch: 'Account {account} does not host {repository} in {region}: there the images are in account {expected}, so the pull fails. Use {expected}.',
      accountMismatchFromDefault: 'With the ARG defaults in its host, this pulls {repository} from account {account} in {region}, but there the images are in account {expected}, so the pull fails unless the build passes other values. Use {expected} for {region}, or make the account follow the region.',
      loginNeeded: '{registry} is an AWS-owned private registry: docker build can pull from it only after "aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry}". Deep Learning Containers are also published on public.ecr.aws/deep-learning-containers/, which needs no login.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    let loginNoted = false;
    for (const image of pulledImages(model, (i) => i.ref.registryKind === 'ecr' && i.ref.account !== undefined)) {
      const { ref } = image;
      const account = ref.account as string;
      // Only an account of AWS's own registries is certainly wrong: any other account may hold the
      // user's copy of the repository under the same name.
      if (ref.accountMatches === false && ref.expectedAccount && ref.known && isAwsImageAccount(account)) {
        const expected = ref.expectedAccount;
        ctx.report({
          messageId: image.hostFromDefault ? 'accountMismatchFromDefault' : 'accountMismatch',
          severity: image.hostFromDefault ? 'warning' : 'error',
          range: image.accountRange ?? image.imageRange,
          data: { account, repository: ref.known.repository, region: ref.region ?? '', expected },
          suggestions: image.accountRange
            ? [{ title: `Use account ${expected}`, edits: [{ range: image.accountRange, newText: expected }] }]
            : undefined,
        });
        continue;
      }
      if (loginNoted || !isAwsImageAccount(account)) continue;
      loginNoted = true;
      if (contextLogsInToEcr(ctx.buildContext)) continue;
      const region = ref.region ?? '<region>';
      ctx.report({
        messageId: 'loginNeeded',
        severity: 'info',
        range: image.imageRange,
        data: { registry: `${account}.dkr.ecr.${region}.${ref.domain ?? 'amazonaws.com'}`, region },
      });
    }
  },
});

/** Build scripts worth reading for a login, and how much of each. */
const LOGIN_SCRIPT = /(^|\/)([^/]+\.(sh|bash|mk|ya?ml)|Makefile|buildspec[^/]*)$/;
const MAX_SCRIPTS = 20;
const MAX_SCRIPT_CHARS = 64 * 1024;

/**
 * True when a build script in the context already logs in to ECR (`aws ecr get-login-password`,
 * `docker login`): the note would only repeat what the project does, as the wizard's
 * build_and_push.sh and most real projects do.
 */
function contextLogsInToEcr(context: BuildContext | undefined): boolean {
  const scripts = context?.listFiles()?.filter((f) => LOGIN_SCRIPT.test(f.path)).slice(0, MAX_SCRIPTS) ?? [];
  return scripts.some((f) => /get-login-password|get-login\b|docker\s+login\b/.test(context?.readText(f.path)?.slice(0, MAX_SCRIPT_CHARS) ?? ''));
}
