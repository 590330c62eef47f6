import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EMPTY_SESSION, update, view, type Session } from '../../../src/core/wizard';
import { VIEW_TYPE } from '../../../src/extension/wizard/panel';
import { writeFiles } from '../../../src/extension/wizard/write';
import { JOURNEYS, type Journey } from '../wizardJourneys';
import { closeAllEditors, codeOf, readText, waitForQuiet, workspaceUri } from './helpers';

function walk(journey: Journey): Session {
  return journey.steps.reduce((session, [question, value]) => {
    const offered = view(session).questions.find((q) => q.id === question)?.options[0]?.value;
    return update(session, { type: 'answer', question, value: value ?? offered ?? '' });
  }, EMPTY_SESSION);
}

function wizardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

describe('container wizard', () => {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri as vscode.Uri;
  afterEach(closeAllEditors);
  after(() => vscode.workspace.fs.delete(workspaceUri('wizard-out'), { recursive: true, useTrash: false }).then(undefined, () => undefined));

  it('opens one panel from the command, and a second run reveals it', async () => {
    await vscode.commands.executeCommand('sagemakerContainers.openWizard');
    await vscode.commands.executeCommand('sagemakerContainers.openWizard');
    // The tab model follows the renderer, a moment after the command returns.
    for (let waited = 0; wizardTabs().length === 0 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label}: ${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input}`);
    assert.equal(wizardTabs().length, 1, tabs.join(', '));
  });

  for (const journey of JOURNEYS) {
    it(`writes the ${journey.path} files, and ${journey.opens} lints clean`, async () => {
      const v = view(walk(journey));
      assert.equal(v.recommendation?.path.id, journey.path);
      assert.equal(v.primary, journey.opens);
      const target = { root, folder: `wizard-out/${journey.path}` };
      const result = await writeFiles(target, v.files, async () => assert.fail('nothing existed yet'));
      assert.deepEqual(result.written, v.files.map((f) => `${target.folder}/${f.path}`));
      for (const file of v.files) assert.equal(await readText(vscode.Uri.joinPath(result.folder, ...file.path.split('/'))), file.contents);

      const asked: string[] = [];
      const again = await writeFiles(target, v.files, async (relative) => { asked.push(relative); return relative.endsWith('README.md'); });
      assert.deepEqual(asked, result.written, 'asks once for each existing file');
      assert.deepEqual([again.written, again.skipped.length], [[`${target.folder}/README.md`], v.files.length - 1]);

      const opened = vscode.Uri.joinPath(result.folder, journey.opens);
      if (!journey.opens.startsWith('Dockerfile')) return;
      const quiet = waitForQuiet(opened, 300, 15_000);
      await vscode.window.showTextDocument(opened);
      // No finding at all, info included: the ECR login note stays silent because the scaffold's
      // build_and_push.sh logs in.
      assert.deepEqual((await quiet).map((d) => `${codeOf(d)}: ${d.message}`), []);
    });
  }

  it('refuses to write outside the workspace folder', async () => {
    await assert.rejects(writeFiles({ root, folder: '../outside' }, [{ path: 'x', contents: '' }], async () => true), /inside the workspace/);
    await assert.rejects(writeFiles({ root, folder: 'wizard-out' }, [{ path: '../../escape', contents: '' }], async () => true), /Refusing/);
    await assert.rejects(writeFiles({ root, folder: 'wizard-out' }, [{ path: '/etc/escape', contents: '' }], async () => true), /Refusing/);
  });
});
