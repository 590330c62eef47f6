import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, closeAllEditors, codeOf, openDockerfile, readText, waitForDiagnostics, workspaceUri, writeText } from './helpers';

const RULE = 'entrypoint-shell-form';
const severityIs = (severity: vscode.DiagnosticSeverity) => (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === RULE && x.severity === severity);
const lacksRule = (d: vscode.Diagnostic[]) => !d.some((x) => codeOf(x) === RULE);

async function withSetting(key: string, value: unknown, body: () => Promise<void>): Promise<void> {
  const settings = vscode.workspace.getConfiguration('sagemakerContainers');
  await settings.update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    await body();
  } finally {
    await settings.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

async function withFile(relative: string, text: string, body: () => Promise<void>): Promise<void> {
  const uri = workspaceUri(relative);
  const before = await readText(uri);
  await writeText(uri, text);
  try {
    await body();
  } finally {
    await writeText(uri, before);
  }
}

describe('configuration', () => {
  afterEach(closeAllEditors);

  it('changing a setting lints again', async () => {
    const { document } = await openDockerfile('train/Dockerfile');
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Warning), `${RULE} as a warning`);
    await withSetting('rules', { [RULE]: 'error' }, async () => {
      await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Error), `${RULE} as an error from the setting`);
    });
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Warning), `${RULE} back to a warning`);
  });

  it('editing the .smlint.yaml lints again, and the file wins over the settings', async () => {
    const { document } = await openDockerfile('train/Dockerfile');
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Warning), RULE);
    await withSetting('rules', { [RULE]: 'error' }, async () => {
      await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Error), `${RULE} as an error from the setting`);
      await withFile('.smlint.yaml', `region: us-east-1\nrules:\n  ${RULE}: off\n`, async () => {
        await waitForDiagnostics(document.uri, lacksRule, `${RULE} turned off by .smlint.yaml`);
      });
    });
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Warning), `${RULE} after restoring .smlint.yaml`);
  });

  it('a broken .smlint.yaml is reported in the file and linting goes on with the defaults', async () => {
    const { document } = await openDockerfile('broken/Dockerfile');
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Warning), `${RULE} with the default severity`);
    const config = workspaceUri('broken/.smlint.yaml');
    const [problem] = vscode.languages.getDiagnostics(config);
    assert.ok(problem, 'no diagnostic on the broken .smlint.yaml');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([problem.range.start.line, problem.range.start.character], [1, 8]);
    assert.match(problem.message, /unknown deployment target 'endpont'; did you mean 'endpoint'\?/);
  });

  it('the configFile setting names the config for every Dockerfile', async () => {
    const { document } = await openDockerfile('train/Dockerfile');
    await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Warning), RULE);
    await withSetting('configFile', 'configured/.smlint.yaml', async () => {
      await waitForDiagnostics(document.uri, severityIs(vscode.DiagnosticSeverity.Error), `${RULE} as an error from configured/.smlint.yaml`);
    });
    assert.equal(byRule(document.uri, RULE).length, 1);
  });
});
