import { exposedPorts, isLoopback, Listen, SAGEMAKER_PORT, ServerCommand, serverCommands } from '../queries/ports';
import { insertLineAfter, lastInstruction } from '../queries/lines';
import { servingEvidence } from '../queries/serving';
import { baseInfo } from '../queries/baseImage';
import { defineRule, type Severity } from '../types';

export const servePortNot8080 = defineRule({
  meta: {
    id: 'serve-port-not-8080',
    severity: 'error',
    basis: 'doc',
    modes: ['serve'],
    summary: 'The model server must listen on 0.0.0.0:8080; SageMaker sends /ping and /invocations nowhere else.',
    source: ['DG:your-algorithms-inference-code', 'WEB-docker-misc', 'DLC:docker/pytorch/Dockerfile.cuda'],
    messages: {
      otherPort: '{server} listens on port {port} ({how}), but SageMaker sends /ping and /invocations to port 8080, so the endpoint never passes its health check. Listen on 0.0.0.0:${SAGEMAKER_BIND_TO_PORT:-8080}.',
      loopback: '{server} listens on {host} ({how}), which only the container itself can reach; SageMaker connects from outside, so the endpoint never passes its health check. Listen on 0.0.0.0:8080.',
      cmdServer: 'This CMD starts {server} on {address} ({how}), but SageMaker replaces CMD with "serve", and whatever answers serve must listen on 0.0.0.0:8080.',
      exposeOther: 'EXPOSE documents {ports} but not 8080, the only port SageMaker sends requests to. EXPOSE changes nothing at run time; make sure the server listens on 8080 and document that with EXPOSE 8080.',
      noExpose: 'Nothing documents the serving port. SageMaker sends /ping and /invocations to port 8080; EXPOSE 8080 records that the server listens there.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const base = baseInfo(model);
    for (const server of serverCommands(model)) checkServer(server);

    const stage = model.finalStage;
    if (!stage) return;
    const exposed = exposedPorts(model);
    const addExpose = [{ title: 'Add EXPOSE 8080', edits: [insertLineAfter(model, exposed.length ? exposed[exposed.length - 1].instruction : lastInstruction(stage), 'EXPOSE 8080')] }];
    if (exposed.length > 0) {
      const covers = exposed.some((p) => p.from === undefined || (p.protocol === 'tcp' && p.from <= SAGEMAKER_PORT && SAGEMAKER_PORT <= (p.to ?? p.from)));
      // SageMaker's own images already EXPOSE 8080, which the image inherits.
      if (covers || base.kind === 'sagemaker') return;
      const ports = [...new Set(exposed.map((p) => p.word.value))].join(', ');
      ctx.report({ messageId: 'exposeOther', range: exposed[0].instruction.getRange(), data: { ports }, severity: 'warning', suggestions: addExpose });
      return;
    }
    // Documentation only: said once, for an image that visibly serves, on a base that exposes nothing.
    if ((base.kind === 'known' || base.kind === 'scratch') && servingEvidence(model, ctx.buildContext)) {
      const range = stage.imageRange ?? stage.from.getRange();
      ctx.report({ messageId: 'noExpose', range, severity: 'info', suggestions: addExpose });
    }

    function checkServer(server: ServerCommand): void {
      // A proxy in front owns the public port; a socket or config file hides the address.
      if (server.proxied || server.listens.length === 0) return;
      // An unknown program's --port says something only about an image that visibly serves.
      if (!server.known && !servingEvidence(model, ctx.buildContext)) return;
      const reachable = (l: Listen) => !isLoopback(l.host.value) && (l.port.value === undefined || l.port.value === SAGEMAKER_PORT);
      if (server.listens.some(reachable)) return;
      const { port, host } = server.listens[0];
      const wrongPort = port.value !== undefined && port.value !== SAGEMAKER_PORT;
      const part = wrongPort ? port : host;
      // A server's default can be changed by variables a base image sets (the TGI image sets PORT).
      if (part.origin === 'default' && base.kind !== 'known' && base.kind !== 'scratch') return;
      if (server.keyword === 'CMD') {
        const address = `${host.value ?? '0.0.0.0'}:${port.value ?? '?'}`;
        ctx.report({ messageId: 'cmdServer', range: part.word.range, data: { server: server.server, address, how: part.how }, severity: 'info' });
        return;
      }
      // An explicit flag or variable is certain; a server default or an unknown program's --port is likely.
      const severity: Severity = part.origin === 'default' || !server.known ? 'warning' : 'error';
      if (wrongPort) {
        ctx.report({ messageId: 'otherPort', range: port.word.range, data: { server: server.server, port: port.value as number, how: port.how }, severity });
      } else {
        ctx.report({ messageId: 'loopback', range: host.word.range, data: { server: server.server, host: host.value ?? '', how: host.how }, severity });
      }
    }
  },
});
