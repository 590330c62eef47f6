import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, applyEdits, docsUrl, type Finding, type Fix, lint } from '../../../src/core';
import { byRule, closeAllEditors, codeOf, EXTENSION_ID, openUntitled, waitForDiagnostics } from './helpers';

const RULE = 'entrypoint-shell-form';
const SHELL_FORM = 'FROM python:3.12\n  ENTRYPOINT python train.py\n';
const hasRule = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === RULE);
const lacksRule = (d: vscode.Diagnostic[]) => !hasRule(d);

async function actionsFor(editor: vscode.TextEditor, kind?: string): Promise<vscode.CodeAction[]> {
  const uri = editor.document.uri;
  await waitForDiagnostics(uri, hasRule, RULE);
  const [diagnostic] = byRule(uri, RULE);
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, kind);
}

async function apply(editor: vscode.TextEditor, actions: vscode.CodeAction[], title: string): Promise<string> {
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `no action "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return editor.document.getText();
}

describe('code actions', () => {
  afterEach(closeAllEditors);

  it('offer the suggestion, both ignore pragmas and the documentation', async () => {
    const editor = await openUntitled(SHELL_FORM);
    // Other rules may have findings in the same range; keep this rule's actions.
    const actions = (await actionsFor(editor)).filter((a) => a.title.includes(RULE) || a.title.startsWith('Convert to exec form'));
    assert.deepEqual(actions.map((a) => a.title), [
      'Convert to exec form: ENTRYPOINT ["python", "train.py"]',
      `Ignore ${RULE} for this instruction`,
      `Ignore ${RULE} in this file`,
      `Show documentation for ${RULE}`,
    ]);
    assert.ok(actions.every((a) => a.kind?.value === 'quickfix'));
    assert.equal(String(actions[3].command?.arguments?.[0]), docsUrl(RULE));
  });

  it('apply a suggestion, after which the finding is gone', async () => {
    const editor = await openUntitled(SHELL_FORM);
    const text = await apply(editor, await actionsFor(editor), 'Convert to exec form: ENTRYPOINT ["python", "train.py"]');
    assert.equal(text, 'FROM python:3.12\n  ENTRYPOINT ["python", "train.py"]\n');
    await waitForDiagnostics(editor.document.uri, lacksRule, `no ${RULE} after the suggestion`);
  });

  it('ignore the rule for one instruction, keeping its indentation', async () => {
    const editor = await openUntitled(SHELL_FORM);
    const text = await apply(editor, await actionsFor(editor), `Ignore ${RULE} for this instruction`);
    assert.equal(text, `FROM python:3.12\n  # smlint ignore=${RULE}\n  ENTRYPOINT python train.py\n`);
    await waitForDiagnostics(editor.document.uri, lacksRule, `no ${RULE} after the ignore pragma`);
  });

  it('ignore the rule in the whole file, below parser directives', async () => {
    const editor = await openUntitled(`# syntax=docker/dockerfile:1\n${SHELL_FORM}`);
    const text = await apply(editor, await actionsFor(editor), `Ignore ${RULE} in this file`);
    assert.equal(text, `# syntax=docker/dockerfile:1\n# smlint global ignore=${RULE}\n${SHELL_FORM}`);
    await waitForDiagnostics(editor.document.uri, lacksRule, `no ${RULE} after the global pragma`);
  });

  it('mark each safe fix preferred and apply it, alone and in source.fixAll.smlint', async function () {
    const cases = fixableExamples();
    // Until a rule offers a safe fix there is no finding to try; the suite reports this test as pending.
    if (cases.length === 0) this.skip();
    for (const { text, finding } of cases) {
      const fix = finding.fix as Fix;
      const expected = applyEdits(text, fix.edits);
      const editor = await openUntitled(text);
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === finding.ruleId), finding.ruleId);
      const range = byRule(uri, finding.ruleId)[0].range;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.deepEqual(preferred.map((a) => a.title), [fix.title], finding.ruleId);
      const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, 'source.fixAll.smlint');
      assert.equal(fixAll.length, 1, `${finding.ruleId}: source.fixAll.smlint`);
      assert.equal(await apply(editor, preferred, fix.title), expected);
      await closeAllEditors();
    }
  });
});

/** The "incorrect" examples of the docs of fixable rules that produce a finding with a fix. */
function fixableExamples(): { text: string; finding: Finding }[] {
  const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri.fsPath ?? '';
  return allRules.filter((rule) => rule.meta.fixable).flatMap((rule) => {
    const page = readFileSync(join(root, 'docs', 'rules', `${rule.meta.id}.md`), 'utf8');
    return [...page.matchAll(/```dockerfile incorrect\n([\s\S]*?)```/g)].flatMap(([, text]) => {
      const finding = lint(text).findings.find((f) => f.ruleId === rule.meta.id && f.fix);
      return finding ? [{ text, finding }] : [];
    });
  });
}
