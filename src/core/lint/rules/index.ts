/** The registry: the only list of rules, alphabetical by id. The parity meta-test keeps it complete. */
import type { Rule } from '../types';
import { argScope } from './arg-scope';
import { bindToPortIgnored } from './bind-to-port-ignored';
import { bindToPortLabelMissing } from './bind-to-port-label-missing';
import { capabilityLabelMalformed } from './capability-label-malformed';
import { cmdOnlyLauncher } from './cmd-only-launcher';
import { copySourceMissing } from './copy-source-missing';
import { dlcEc2Variant } from './dlc-ec2-variant';
import { ecrAccountRegionMismatch } from './ecr-account-region-mismatch';
import { entrypointBareInterpreter } from './entrypoint-bare-interpreter';
import { entrypointReceivesModeArg } from './entrypoint-receives-mode-arg';
import { entrypointShellForm } from './entrypoint-shell-form';
import { gravitonNeedsArm64 } from './graviton-needs-arm64';
import { inferenceCodeInTrainingDir } from './inference-code-in-training-dir';
import { inferenceToolkitWithoutMms } from './inference-toolkit-without-mms';
import { initWrapperEntrypoint } from './init-wrapper-entrypoint';
import { mmsWithoutJava } from './mms-without-java';
import { multiModelLabelMismatch } from './multi-model-label-mismatch';
import { noServeHandler } from './no-serve-handler';
import { noTrainHandler } from './no-train-handler';
import { nonRootUserHosting } from './non-root-user-hosting';
import { nvidiaDriverInImage } from './nvidia-driver-in-image';
import { platformEnvInImage } from './platform-env-in-image';
import { prebuiltEntrypointOverride } from './prebuilt-entrypoint-override';
import { processingNoCommand } from './processing-no-command';
import { programNotInCodeDir } from './program-not-in-code-dir';
import { programWithoutTrainingToolkit } from './program-without-training-toolkit';
import { pythonTooOldForToolkit } from './python-too-old-for-toolkit';
import { pythonUnbuffered } from './python-unbuffered';
import { runtimeRequirementsOnly } from './runtime-requirements-only';
import { sagemakerSettingsNotFinalStage } from './sagemaker-settings-not-final-stage';
import { scriptCrlf } from './script-crlf';
import { scriptNotExecutable } from './script-not-executable';
import { servePortNot8080 } from './serve-port-not-8080';
import { studioStartup } from './studio-startup';
import { studioUidGid } from './studio-uid-gid';
import { studioWorkdir } from './studio-workdir';
import { submitDirectoryIgnored } from './submit-directory-ignored';
import { trainingToolkitWithoutProgram } from './training-toolkit-without-program';
import { unknownPrebuiltTag } from './unknown-prebuilt-tag';
import { volumeOverSagemakerPath } from './volume-over-sagemaker-path';
import { writeToMountedPath } from './write-to-mounted-path';
import { wrongArchitecture } from './wrong-architecture';

export const allRules: readonly Rule[] = [
  argScope,
  bindToPortIgnored,
  bindToPortLabelMissing,
  capabilityLabelMalformed,
  cmdOnlyLauncher,
  copySourceMissing,
  dlcEc2Variant,
  ecrAccountRegionMismatch,
  entrypointBareInterpreter,
  entrypointReceivesModeArg,
  entrypointShellForm,
  gravitonNeedsArm64,
  inferenceCodeInTrainingDir,
  inferenceToolkitWithoutMms,
  initWrapperEntrypoint,
  mmsWithoutJava,
  multiModelLabelMismatch,
  noServeHandler,
  noTrainHandler,
  nonRootUserHosting,
  nvidiaDriverInImage,
  platformEnvInImage,
  prebuiltEntrypointOverride,
  processingNoCommand,
  programNotInCodeDir,
  programWithoutTrainingToolkit,
  pythonTooOldForToolkit,
  pythonUnbuffered,
  runtimeRequirementsOnly,
  sagemakerSettingsNotFinalStage,
  scriptCrlf,
  scriptNotExecutable,
  servePortNot8080,
  studioStartup,
  studioUidGid,
  studioWorkdir,
  submitDirectoryIgnored,
  trainingToolkitWithoutProgram,
  unknownPrebuiltTag,
  volumeOverSagemakerPath,
  writeToMountedPath,
  wrongArchitecture,
] as Rule[];

const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
