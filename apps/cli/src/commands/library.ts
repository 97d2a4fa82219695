import { openAsBlob } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { imageRefs, isLocalImageRef, rewriteImageRefs } from '@creatorflow/library/works/work-markdown';
import { problemToError, type ApiClient } from '../api-client.ts';
import type { CommandModule } from './types.ts';
import { withClient, withConnection, type Connection, type Page } from './connection.ts';
import { print } from './output.ts';


const out = (text: string) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
const stripMarks = (html: string) => html.replace(/<\/?mark>/g, '**').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Sends one file as multipart `file`, streamed from disk. */
async function upload<T>(client: ApiClient, path: string, file: string): Promise<T> {
  const form = new FormData();
  form.append('file', await openAsBlob(file), basename(file));
  const response = await client.fetch(path, { method: 'POST', body: form });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw problemToError(response.status, data, text);
  return data as T;
}

type Idea = { id: string; text: string; status: string; tags: string[]; created_at: string };
type Asset = { id: string; uri: string; name: string; type: string; mime: string; size: number; width: number | null; height: number | null; duration_ms: number | null; tags: string[] };
type Work = { id: string; kind: string; title: string; status: string; version: number; tags: string[]; platforms: string[]; body: string; cover_asset_id: string | null; updated_at: string };

const assetLine = (a: Asset) =>
  `${a.uri}  ${a.name}  ${a.mime}  ${(a.size / 1024).toFixed(1)} KB${a.width ? `  ${a.width}×${a.height}` : ''}${a.duration_ms ? `  ${(a.duration_ms / 1000).toFixed(1)} s` : ''}${a.tags.length ? `  #${a.tags.join(' #')}` : ''}`;

/** `ideas`, `assets`, `works`, `kb` and `search`: the library from the command line. */
export const libraryCommands: CommandModule = (program) => {
  const ideas = program.command('ideas').description('Idea inbox / 想法库');
  withConnection(ideas.command('add <text...>').description('Capture an idea'))
    .option('--link <url>', 'a link that goes with it')
    .option('--tag <tags>', 'tags, comma-separated or repeated', collect)
    .option('--source <source>', 'where it came from')
    .action(async (words: string[], opts: Connection & { link?: string; tag?: string[]; source?: string }) => {
      await withClient(opts, async (client) => {
        const idea = await client.request<Idea>('POST', '/api/ideas', { text: words.join(' '), link: opts.link, tags: opts.tag, source: opts.source ?? 'cli' });
        print(opts, idea, () => `Saved idea ${idea.id}`);
      });
    });
  withConnection(ideas.command('list').description('List ideas, newest first'))
    .option('--status <status>', 'new | in_progress | used | archived')
    .option('--tag <tag>', 'only with this tag')
    .option('--limit <n>', 'how many', '20')
    .action(async (opts: Connection & { status?: string; tag?: string; limit: string }) => {
      await withClient(opts, async (client) => {
        const query = new URLSearchParams({ limit: opts.limit, ...(opts.status ? { status: opts.status } : {}), ...(opts.tag ? { tag: opts.tag } : {}) });
        const page = await client.request<Page<Idea>>('GET', `/api/ideas?${query}`);
        print(opts, page.items, () => page.items.map((i) => `${i.id}  [${i.status}]  ${i.text.split('\n')[0]}${i.tags.length ? `  #${i.tags.join(' #')}` : ''}`).join('\n') || 'No ideas yet.');
      });
    });

  const assets = program.command('assets').description('Media library / 素材库');
  withConnection(assets.command('add <files...>').description('Upload files (type is detected from the content)'))
    .option('--tag <tags>', 'tags, comma-separated or repeated', collect)
    .action(async (files: string[], opts: Connection & { tag?: string[] }) => {
      await withClient(opts, async (client) => {
        const results: Array<{ asset: Asset; deduplicated: boolean }> = [];
        for (const file of files) {
          const query = opts.tag?.length ? `?tags=${encodeURIComponent(opts.tag.join(','))}` : '';
          results.push(await upload(client, `/api/assets${query}`, file));
        }
        print(opts, results, () => results.map((r) => `${r.deduplicated ? 'Already there' : 'Uploaded'}: ${assetLine(r.asset)}`).join('\n'));
      });
    });
  withConnection(assets.command('list').description('List assets, newest first'))
    .option('--type <type>', 'image | video | audio | document')
    .option('--tag <tag>', 'only with this tag')
    .option('--limit <n>', 'how many', '20')
    .action(async (opts: Connection & { type?: string; tag?: string; limit: string }) => {
      await withClient(opts, async (client) => {
        const query = new URLSearchParams({ limit: opts.limit, ...(opts.type ? { type: opts.type } : {}), ...(opts.tag ? { tag: opts.tag } : {}) });
        const page = await client.request<Page<Asset>>('GET', `/api/assets?${query}`);
        print(opts, page.items, () => page.items.map(assetLine).join('\n') || 'No assets yet.');
      });
    });

  const works = program.command('works').description('Works with versions / 作品');
  withConnection(
    works
      .command('import <file>')
      .description('Create a work from a Markdown file (front matter: title, kind, tags, platforms, status); local images it shows are uploaded as assets, the first becomes the cover'),
  ).action(async (file: string, opts: Connection) => {
    const source = await readFile(file, 'utf8');
    await withClient(opts, async (client) => {
      // Images next to the file go to the asset library first, so the work (and what is published from it) names assets, not this machine's paths.
      const uploaded = new Map<string, string>();
      for (const src of imageRefs(source).filter(isLocalImageRef)) {
        const path = resolve(dirname(file), decodeURI(src.split(/[?#]/)[0]!));
        if (!existsSync(path)) throw new Error(`${file}: image '${src}' not found (looked at ${path})`);
        uploaded.set(src, (await upload<{ asset: Asset }>(client, '/api/assets', path)).asset.uri);
      }
      const markdown = rewriteImageRefs(source, uploaded);
      const work = await client.request<Work>('POST', '/api/works/import', { markdown, file_name: basename(file) });
      print(opts, { ...work, uploaded_images: uploaded.size }, () => `Imported ${work.id}  ${work.title}  (${work.kind}, v${work.version})${uploaded.size ? `, ${uploaded.size} image(s) uploaded` : ''}${work.cover_asset_id ? ', cover set' : ''}`);
    });
  });
  withConnection(works.command('list').description('List works, newest first'))
    .option('--status <status>', 'draft | ready | scheduled | published | archived')
    .option('--kind <kind>', 'article | note | video_script | post')
    .option('--limit <n>', 'how many', '20')
    .action(async (opts: Connection & { status?: string; kind?: string; limit: string }) => {
      await withClient(opts, async (client) => {
        const query = new URLSearchParams({ limit: opts.limit, ...(opts.status ? { status: opts.status } : {}), ...(opts.kind ? { kind: opts.kind } : {}) });
        const page = await client.request<Page<Work>>('GET', `/api/works?${query}`);
        print(opts, page.items, () => page.items.map((w) => `${w.id}  [${w.status}] ${w.kind}  v${w.version}  ${w.title}`).join('\n') || 'No works yet.');
      });
    });
  withConnection(works.command('show <id>').description('Show a work')).action(async (id: string, opts: Connection) => {
    await withClient(opts, async (client) => {
      const work = await client.request<Work>('GET', `/api/works/${encodeURIComponent(id)}`);
      print(opts, work, () => `${work.title}\n${work.kind} · ${work.status} · v${work.version}${work.tags.length ? ` · #${work.tags.join(' #')}` : ''}\n\n${work.body}`);
    });
  });
  withConnection(works.command('export <id>').description('Write a work as Markdown with front matter'))
    .option('-o, --output <file>', 'file to write (default: stdout)')
    .action(async (id: string, opts: Connection & { output?: string }) => {
      await withClient(opts, async (client) => {
        const response = await client.fetch(`/api/works/${encodeURIComponent(id)}/export`);
        const text = await response.text();
        if (!response.ok) throw problemToError(response.status, JSON.parse(text) as unknown, text);
        if (opts.output) {
          await writeFile(opts.output, text);
          out(`Wrote ${opts.output}`);
        } else out(text);
      });
    });

  const kb = program.command('kb').description('Knowledge base / 知识库');
  withConnection(kb.command('import <sources...>').description('Import files (PDF, DOCX, HTML, Markdown, text) or web pages (http/https URLs)'))
    .option('--tag <tags>', 'tags, comma-separated or repeated', collect)
    .action(async (sources: string[], opts: Connection & { tag?: string[] }) => {
      await withClient(opts, async (client) => {
        type Source = { id: string; title: string; kind: string; chunk_count: number };
        const done: Source[] = [];
        for (const source of sources) {
          if (/^https?:\/\//i.test(source)) {
            done.push(await client.request<Source>('POST', '/api/knowledge', { url: source, tags: opts.tag }));
          } else {
            const query = opts.tag?.length ? `?tags=${encodeURIComponent(opts.tag.join(','))}` : '';
            done.push(await upload<Source>(client, `/api/knowledge/files${query}`, source));
          }
        }
        print(opts, done, () => done.map((s) => `Imported ${s.id}  ${s.title}  (${s.kind}, ${s.chunk_count} chunks)`).join('\n'));
      });
    });

  withConnection(program.command('search <query>').description('Search ideas, works, assets and knowledge / 搜索'))
    .option('--type <types>', 'idea,work,asset,knowledge')
    .option('--tag <tags>', 'only with all these tags (comma-separated)')
    .option('--limit <n>', 'how many', '10')
    .action(async (query: string, opts: Connection & { type?: string; tag?: string; limit: string }) => {
      await withClient(opts, async (client) => {
        const params = new URLSearchParams({ q: query, limit: opts.limit, ...(opts.type ? { type: opts.type } : {}), ...(opts.tag ? { tag: opts.tag } : {}) });
        const result = await client.request<{ total: number; total_exact: boolean; match: string; items: Array<{ type: string; id: string; title_highlight: string; snippet: string }> }>(
          'GET',
          `/api/search?${params}`,
        );
        print(opts, result, () =>
          result.items.length === 0
            ? `No results for “${query}”.`
            : [
                `${result.total}${result.total_exact ? '' : '+'} result(s)${result.match === 'any' ? ' (no document has every word; showing partial matches)' : ''}`,
                ...result.items.map((h) => `[${h.type}] ${stripMarks(h.title_highlight)}  ${h.id}\n    ${stripMarks(h.snippet)}`),
              ].join('\n'),
        );
      });
    });
};
