import { z } from 'zod';
import { CreatorFlowError, type CallAttribution, type ChatMessage, type LlmPort } from '@creatorflow/core';
import { parseSource } from '../markdown/document.ts';
import { getProfile } from '../profiles/index.ts';
import { parseJsonReply } from '../structured.ts';
import { checkTiming, VIDEO_FORMATS, videoScriptSchema, type VideoFormat, type VideoScript } from './schema.ts';

export interface WriteVideoScriptRequest {
  /** A topic, or the article to adapt (Markdown). */
  source: string;
  format: VideoFormat;
  platform?: string;
  style?: string;
  model?: string;
  attribution: CallAttribution;
  signal?: AbortSignal;
}

const MAX_ATTEMPTS = 3;

/**
 * Writes a shot list with the LLM as structured output (JSON Schema from
 * zod), validates it, checks total duration and shot count for the format,
 * and sends the problems back to the model until it complies.
 */
export async function writeVideoScript(llm: LlmPort, req: WriteVideoScriptRequest): Promise<VideoScript> {
  const spec = VIDEO_FORMATS[req.format];
  const platform = req.platform ? getProfile(req.platform) : undefined;
  const doc = parseSource(req.source);
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content:
        `你是短视频编导。把素材改写成${platform ? `${platform.name.zh}的` : ''}${spec.zh}视频脚本：总时长 ${spec.seconds} 秒（误差不超过 ${spec.tolerance} 秒），` +
        `${spec.minShots}–${spec.maxShots} 个镜头。每个镜头写清 scene（场景）、durationSeconds（秒）、visuals（画面）、voiceOver（口播）、onScreenText（屏幕文字）、musicCue（音乐/音效）。` +
        `开头 3 秒必须有钩子，结尾给出行动号召。${req.style ? `风格：${req.style}。` : ''}只输出 JSON。`,
    },
    { role: 'user', content: `${doc.title ? `标题：${doc.title}\n\n` : ''}${doc.body.slice(0, 6000)}` },
  ];
  let problems: string[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const result = await llm.chat({
      model: req.model ?? 'default',
      messages,
      temperature: 0.7,
      signal: req.signal,
      responseFormat: { type: 'json_schema', name: 'video_script', schema: z.toJSONSchema(videoScriptSchema) as Record<string, unknown> },
      attribution: { ...req.attribution, node: req.attribution.node ?? 'write_video_script' },
    });
    const parsed = parseJsonReply(result.text, videoScriptSchema);
    problems = parsed.ok ? checkTiming(parsed.value, req.format) : parsed.problems;
    if (parsed.ok && problems.length === 0) {
      return {
        ...parsed.value,
        format: req.format,
        platform: platform?.id,
        totalSeconds: parsed.value.shots.reduce((sum, s) => sum + s.durationSeconds, 0),
      };
    }
    messages.push({ role: 'assistant', content: result.text });
    messages.push({ role: 'user', content: `脚本有这些问题，请修正后重新输出完整 JSON：\n${problems.map((p) => `- ${p}`).join('\n')}` });
  }
  throw new CreatorFlowError('CONTENT_SCRIPT_INVALID', `The model did not produce a valid ${req.format} script after ${MAX_ATTEMPTS} attempts: ${problems.join('; ')}`, {
    status: 502,
    retryable: true,
    details: { problems },
  });
}
