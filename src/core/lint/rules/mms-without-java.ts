import type { Model } from '../model';
import { imagePackages } from '../commands';
import { insertLineAfter } from '../queries/lines';
import { java, mmsInstall, PythonPackage, pythonInstalls } from '../queries/toolkits';
import { baseInfo, baseLabel } from '../queries/baseImage';
import { defineRule, Suggestion } from '../types';

/** Bases whose package manager is apt (Debian and Ubuntu), where `default-jre-headless` is Java 8 or later. */
const APT_BASES = /^(python|ubuntu|debian|buildpack-deps|nvidia\/cuda)$/;
const JAVA_LINE = 'RUN apt-get update && apt-get install -y --no-install-recommends default-jre-headless && rm -rf /var/lib/apt/lists/*';

export const mmsWithoutJava = defineRule({
  meta: {
    id: 'mms-without-java',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['serve'],
    summary: 'Multi Model Server is a Java program: an image that installs it needs a Java 8+ runtime.',
    source: ['MMS:docs/install.md', 'EX:advanced_functionality/multi_model_bring_your_own/container/Dockerfile'],
    messages: {
      noJava: 'Multi Model Server ({package}) runs on Java, and nothing in this image installs a Java runtime: the server cannot start on serve. Install Java 8 or later, e.g. apt-get install -y default-jre-headless (the multi-model sample uses openjdk-8-jdk-headless).',
      maybeJava: 'Multi Model Server ({package}) runs on Java, and this file installs no Java runtime: serve fails unless {where}. Install Java 8 or later to be sure.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const mms = mmsInstall(pythonInstalls(model, buildContext));
    if (!mms) return;
    const presence = java(model, buildContext);
    if (presence === 'yes') return;
    if (presence === 'no') {
      ctx.report({ messageId: 'noJava', range: mms.word.range, data: { package: mms.name }, suggestions: javaSuggestion(model, mms) });
      return;
    }
    const base = baseInfo(model);
    const where = base.kind === 'unknown' || base.kind === 'unresolved'
      ? `the base image ${baseLabel(model, base)} has one`
      : 'a step smlint cannot read (a download or a script) installs one';
    ctx.report({ messageId: 'maybeJava', range: mms.word.range, data: { package: mms.name, where }, severity: 'info' });
  },
});

/** Installs a JRE right before the MMS install, on bases whose package manager is apt. */
function javaSuggestion(model: Model, mms: PythonPackage): Suggestion[] | undefined {
  const repository = baseInfo(model).image?.repository ?? '';
  const apt = imagePackages(model).some((p) => p.manager === 'apt');
  if (!apt && !(APT_BASES.test(repository) && !/alpine/.test(baseInfo(model).image?.ref ?? ''))) return undefined;
  const stage = model.stageOf(mms.instruction);
  if (!stage) return undefined;
  const index = stage.instructions.indexOf(mms.instruction);
  const before = index > 0 ? stage.instructions[index - 1] : stage.from;
  return [{ title: 'Install a Java runtime (default-jre-headless)', edits: [insertLineAfter(model, before, JAVA_LINE)] }];
}
