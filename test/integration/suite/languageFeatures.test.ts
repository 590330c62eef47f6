import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDockerfile, openUntitled } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function hoverAt(uri: vscode.Uri, line: number, character: number): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character)));
}

async function completionsAt(uri: vscode.Uri, line: number, character: number): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
  return list.items;
}

const insertTextOf = (item: vscode.CompletionItem | undefined) => (item?.insertText instanceof vscode.SnippetString ? item.insertText.value : item?.insertText);

describe('hover and completion', () => {
  afterEach(closeAllEditors);

  it('hover on FROM shows what the catalog knows about the image', async () => {
    const { document } = await openDockerfile('serve/Dockerfile');
    const text = await hoverAt(document.uri, 0, 30);
    assert.match(text, /\*\*PyTorch\*\* inference image · `pytorch-inference`/);
    assert.match(text, /\| Version \| 2\.6\.0 \|/);
    assert.match(text, /\| Account \| 763104351884 \(matches the region\) \|/);
  });

  it('hover explains variables, labels and /opt/ml paths', async () => {
    const { document } = await openDockerfile('serve/Dockerfile');
    assert.match(await hoverAt(document.uri, 1, 8), /\*\*`SAGEMAKER_PROGRAM`\*\*.*\n\n.*model_fn/);
    assert.match(await hoverAt(document.uri, 2, 30), /SAGEMAKER_BIND_TO_PORT/);
    const line = document.lineAt(3).text;
    assert.match(await hoverAt(document.uri, 3, line.indexOf('/opt/ml/model') + 3), /\*\*`\/opt\/ml\/model`\*\*/);
  });

  it('FROM completion offers the images of the configured region, then their tags', async () => {
    const editor = await openUntitled('FROM \n');
    const repositories = await completionsAt(editor.document.uri, 0, 5);
    const training = repositories.find((item) => item.label === 'pytorch-training');
    assert.equal(insertTextOf(training), '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:');
    assert.equal(training?.command?.command, 'editor.action.triggerSuggest');

    const settings = vscode.workspace.getConfiguration('sagemakerContainers');
    await settings.update('region', 'cn-north-1', vscode.ConfigurationTarget.Workspace);
    try {
      const china = (await completionsAt(editor.document.uri, 0, 5)).find((item) => item.label === 'pytorch-training');
      assert.equal(insertTextOf(china), '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/pytorch-training:');
    } finally {
      await settings.update('region', undefined, vscode.ConfigurationTarget.Workspace);
    }

    const line = 'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:';
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, 5), line));
    const tags = (await completionsAt(editor.document.uri, 0, line.length)).map((item) => String(item.label));
    assert.ok(tags.includes('2.6.0-gpu-py312'), tags.join(', '));
    assert.ok(tags.indexOf('2.8.0-gpu-py312') < tags.indexOf('2.6.0-gpu-py312'), 'newest first');
  });

  it('ENV completion offers the toolkit variables and LABEL the capability labels', async () => {
    const editor = await openUntitled('FROM python:3.12\nENV \nLABEL \n');
    const env = await completionsAt(editor.document.uri, 1, 4);
    // Word-based completion may offer the same word from other open documents.
    const program = env.find((item) => item.label === 'SAGEMAKER_PROGRAM' && item.kind === vscode.CompletionItemKind.Variable);
    const candidates = env.map((item) => `${typeof item.label === 'string' ? item.label : item.label.label}/${item.kind}`);
    assert.equal(insertTextOf(program), 'SAGEMAKER_PROGRAM=${1:train.py}', `${env.length} items: ${candidates.join(', ')}`);
    const labels = (await completionsAt(editor.document.uri, 2, 6)).map((item) => item.label);
    assert.ok(labels.includes('com.amazonaws.sagemaker.capabilities.multi-models'), labels.join(', '));
    assert.ok(labels.includes('com.amazonaws.sagemaker.capabilities.accept-bind-to-port'));
  });
});
