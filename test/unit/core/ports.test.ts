import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { Model } from '../../../src/core/lint/model';
import { exposedPorts, serverCommands } from '../../../src/core/lint/queries/ports';

const model = (text: string) => new Model(text, DockerfileParser.parse(text));
/** `server host:port (origin)` for each address of each server command. */
const addresses = (text: string) => serverCommands(model(text)).map((s) => ({
  server: s.server, keyword: s.keyword, proxied: s.proxied,
  listens: s.listens.map((l) => `${l.host.value ?? '*'}:${l.port.value ?? '?'} (${l.port.origin})`),
}));

describe('queries/ports: serverCommands', () => {
  it('sees through env, poetry run, python -m and sh -c', () => {
    assert.deepStrictEqual(addresses('FROM x\nENTRYPOINT ["env", "A=1", "poetry", "run", "python", "-m", "uvicorn", "app:app", "--port=9000"]\n'), [
      { server: 'uvicorn', keyword: 'ENTRYPOINT', proxied: false, listens: ['127.0.0.1:9000 (flag)'] },
    ]);
    assert.deepStrictEqual(addresses('FROM x\nENV P=7000\nENTRYPOINT ["sh", "-c", "exec hypercorn -b 0.0.0.0:$P app:app"]\n')[0].listens, ['0.0.0.0:7000 (flag)']);
  });

  it('reads every gunicorn bind; a socket is no address, a bare host keeps port 8000', () => {
    assert.deepStrictEqual(addresses('FROM x\nENTRYPOINT ["gunicorn", "-b", "unix:/tmp/g.sock", "-b", "0.0.0.0", "--bind=:8080", "app"]\n')[0].listens,
      ['0.0.0.0:8000 (flag)', '*:8080 (flag)']);
  });

  it('leaves the address unknown behind a config file, and a variable exec form does not expand', () => {
    assert.deepStrictEqual(addresses('FROM x\nENTRYPOINT ["gunicorn", "-c", "conf.py", "app"]\n')[0].listens, []);
    assert.deepStrictEqual(addresses('FROM x\nENV PORT=5000\nENTRYPOINT ["uvicorn", "a:b", "--port", "$PORT"]\n')[0].listens, ['127.0.0.1:? (flag)']);
  });

  it('marks a server started next to nginx as proxied, and reads CMD separately', () => {
    const found = addresses('FROM x\nENTRYPOINT nginx && gunicorn -b 127.0.0.1:8000 app\nCMD ["flask", "run"]\n');
    assert.deepStrictEqual(found.map((f) => [f.server, f.keyword, f.proxied]), [['gunicorn', 'ENTRYPOINT', true], ['flask run', 'CMD', false]]);
    assert.deepStrictEqual(addresses('FROM x\nCMD ["flask", "run", "-p", "5001"]\n')[0], { server: 'flask run', keyword: 'CMD', proxied: false, listens: ['127.0.0.1:5001 (flag)'] });
  });

  it('reads a server\'s port variable from ENV and its default otherwise', () => {
    assert.deepStrictEqual(addresses('FROM x\nENV STREAMLIT_SERVER_PORT=8080\nENTRYPOINT ["streamlit", "run", "app.py"]\n')[0].listens, ['0.0.0.0:8080 (env)']);
    assert.deepStrictEqual(addresses('FROM x\nENTRYPOINT ["python3", "-m", "http.server"]\n')[0].listens, ['0.0.0.0:8000 (default)']);
    assert.deepStrictEqual(addresses('FROM x\nENTRYPOINT ["python3", "-m", "http.server", "8080"]\n')[0].listens, ['0.0.0.0:8080 (flag)']);
  });
});

describe('queries/ports: exposedPorts', () => {
  it('reads ports, ranges, protocols and ARG values; unknown variables stay open', () => {
    const ports = exposedPorts(model('FROM x\nARG P=9000\nEXPOSE 8080/tcp 7000-7010 $P 53/udp $Q\n'));
    assert.deepStrictEqual(ports.map((p) => [p.from, p.to, p.protocol]), [
      [8080, 8080, 'tcp'], [7000, 7010, 'tcp'], [9000, 9000, 'tcp'], [53, 53, 'udp'], [undefined, undefined, 'tcp'],
    ]);
  });
});
