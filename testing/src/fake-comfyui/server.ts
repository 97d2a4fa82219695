import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { gradientPng } from './png.ts';

/** Node types this fake can "execute"; anything else fails validation like a missing custom node. */
const KNOWN_NODES = new Set(['CheckpointLoaderSimple', 'EmptyLatentImage', 'CLIPTextEncode', 'KSampler', 'VAEDecode', 'SaveImage']);

export interface FakeComfyUiOptions {
  /** How long one job runs. */
  jobMs?: number;
  /** Checkpoints "installed"; others fail validation with value_not_in_list. */
  checkpoints?: string[];
}

type Node = { class_type: string; inputs: Record<string, unknown> };
interface Job {
  id: string;
  number: number;
  prompt: Record<string, Node>;
  clientId: string;
}
interface HistoryEntry {
  prompt: unknown[];
  outputs: Record<string, { images: Array<{ filename: string; subfolder: string; type: string }> }>;
  status: { status_str: 'success' | 'error'; completed: boolean; messages: Array<[string, Record<string, unknown>]> };
}

export interface FakeComfyUi {
  url: string;
  /** Every workflow received by POST /prompt, in order. */
  received: Array<Record<string, Node>>;
  interrupted: string[];
  close(): Promise<void>;
}

/**
 * A ComfyUI stand-in following its HTTP API: `POST /prompt` (validation with
 * `error` + `node_errors`), a single-worker queue (`GET /queue`), `GET
 * /history[/id]`, `GET /view`, `POST /queue {delete}` and `POST /interrupt`.
 * A positive prompt containing `FAIL` makes the job fail in KSampler the way
 * an out-of-memory error does.
 */
export async function startFakeComfyUi(options: FakeComfyUiOptions = {}): Promise<FakeComfyUi> {
  const jobMs = options.jobMs ?? 100;
  const checkpoints = options.checkpoints ?? ['v1-5-pruned-emaonly.safetensors', 'sd_xl_base_1.0.safetensors'];
  const pending: Job[] = [];
  let running: Job | undefined;
  let timer: NodeJS.Timeout | undefined;
  let counter = 0;
  let fileCounter = 0;
  const history = new Map<string, HistoryEntry>();
  const files = new Map<string, Buffer>();
  const received: Array<Record<string, Node>> = [];
  const interrupted: string[] = [];

  const finish = (job: Job, interrupt = false) => {
    const messages: HistoryEntry['status']['messages'] = [['execution_start', { prompt_id: job.id, timestamp: Date.now() }]];
    const positive = Object.values(job.prompt).find((n) => n.class_type === 'CLIPTextEncode')?.inputs.text;
    const entry: HistoryEntry = { prompt: [job.number, job.id, job.prompt, { client_id: job.clientId }, []], outputs: {}, status: { status_str: 'success', completed: true, messages } };
    if (interrupt) {
      messages.push(['execution_interrupted', { prompt_id: job.id, node_id: '3', node_type: 'KSampler' }]);
      entry.status = { status_str: 'error', completed: false, messages };
    } else if (typeof positive === 'string' && positive.includes('FAIL')) {
      messages.push(['execution_error', { prompt_id: job.id, node_id: '3', node_type: 'KSampler', exception_message: 'CUDA out of memory. Tried to allocate 2.00 GiB', exception_type: 'torch.OutOfMemoryError', traceback: [] }]);
      entry.status = { status_str: 'error', completed: false, messages };
    } else {
      const latent = Object.values(job.prompt).find((n) => n.class_type === 'EmptyLatentImage')?.inputs ?? {};
      const sampler = Object.values(job.prompt).find((n) => n.class_type === 'KSampler')?.inputs ?? {};
      for (const [id, node] of Object.entries(job.prompt)) {
        if (node.class_type !== 'SaveImage') continue;
        const images = [];
        for (let i = 0; i < Number(latent.batch_size ?? 1); i += 1) {
          const filename = `${String(node.inputs.filename_prefix ?? 'ComfyUI')}_${String(++fileCounter).padStart(5, '0')}_.png`;
          files.set(filename, gradientPng(Number(latent.width ?? 512), Number(latent.height ?? 512), Number(sampler.seed ?? 0) + i));
          images.push({ filename, subfolder: '', type: 'output' });
        }
        entry.outputs[id] = { images };
      }
      messages.push(['execution_success', { prompt_id: job.id, timestamp: Date.now() }]);
    }
    history.set(job.id, entry);
  };
  const pump = () => {
    if (running || pending.length === 0) return;
    running = pending.shift()!;
    timer = setTimeout(() => {
      finish(running!);
      running = undefined;
      pump();
    }, jobMs);
  };

  const validate = (prompt: Record<string, Node>) => {
    const nodeErrors: Record<string, unknown> = {};
    for (const [id, node] of Object.entries(prompt)) {
      if (!node || typeof node !== 'object' || !KNOWN_NODES.has(node.class_type)) {
        return { error: { type: 'invalid_prompt', message: `Cannot execute because node ${node?.class_type ?? '?'} does not exist.`, details: `Node ID '#${id}'`, extra_info: {} }, node_errors: {} };
      }
      if (node.class_type === 'CheckpointLoaderSimple' && !checkpoints.includes(String(node.inputs.ckpt_name))) {
        nodeErrors[id] = {
          errors: [{ type: 'value_not_in_list', message: 'Value not in list', details: `ckpt_name: '${String(node.inputs.ckpt_name)}' not in ${JSON.stringify(checkpoints)}`, extra_info: {} }],
          dependent_outputs: Object.keys(prompt).filter((k) => prompt[k]!.class_type === 'SaveImage'),
          class_type: node.class_type,
        };
      }
    }
    if (!Object.values(prompt).some((n) => n.class_type === 'SaveImage')) {
      return { error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '', extra_info: {} }, node_errors: [] };
    }
    if (Object.keys(nodeErrors).length) {
      return { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} }, node_errors: nodeErrors };
    }
    return undefined;
  };

  const queueItem = (job: Job) => [job.number, job.id, job.prompt, { client_id: job.clientId }, []];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const readBody = async () => {
      let text = '';
      for await (const c of req) text += String(c);
      return JSON.parse(text || '{}') as Record<string, unknown>;
    };
    if (req.method === 'POST' && url.pathname === '/prompt') {
      const body = await readBody();
      const prompt = body.prompt as Record<string, Node> | undefined;
      if (!prompt || typeof prompt !== 'object') return json(400, { error: { type: 'invalid_prompt', message: 'No prompt provided', details: '', extra_info: {} }, node_errors: {} });
      const invalid = validate(prompt);
      if (invalid) return json(400, invalid);
      received.push(prompt);
      const job: Job = { id: randomUUID(), number: counter++, prompt, clientId: String(body.client_id ?? '') };
      pending.push(job);
      pump();
      return json(200, { prompt_id: job.id, number: job.number, node_errors: {} });
    }
    if (req.method === 'GET' && url.pathname === '/queue') {
      return json(200, { queue_running: running ? [queueItem(running)] : [], queue_pending: pending.map(queueItem) });
    }
    if (req.method === 'POST' && url.pathname === '/queue') {
      const body = await readBody();
      const ids = Array.isArray(body.delete) ? body.delete : [];
      for (let i = pending.length - 1; i >= 0; i -= 1) if (body.clear || ids.includes(pending[i]!.id)) pending.splice(i, 1);
      return json(200, {});
    }
    if (req.method === 'POST' && url.pathname === '/interrupt') {
      if (running) {
        interrupted.push(running.id);
        clearTimeout(timer);
        finish(running, true);
        running = undefined;
        pump();
      }
      return json(200, {});
    }
    const historyMatch = /^\/history(?:\/([^/]+))?$/.exec(url.pathname);
    if (req.method === 'GET' && historyMatch) {
      const id = historyMatch[1];
      if (id) return json(200, history.has(id) ? { [id]: history.get(id) } : {});
      return json(200, Object.fromEntries(history));
    }
    if (req.method === 'GET' && url.pathname === '/view') {
      const file = files.get(url.searchParams.get('filename') ?? '');
      if (!file || url.searchParams.get('type') !== 'output') return json(404, { error: 'file not found' });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': file.length });
      return res.end(file);
    }
    if (req.method === 'GET' && url.pathname === '/system_stats') {
      return json(200, { system: { os: 'fake', comfyui_version: '0.3.0', python_version: '3.11' }, devices: [] });
    }
    return json(404, { error: 'not found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: (error as Error).message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    interrupted,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
