import { z } from 'zod';

export const shotSchema = z.object({
  scene: z.string().min(1).describe('场景/镜头描述 Scene'),
  durationSeconds: z.number().positive().max(120).describe('时长（秒）'),
  visuals: z.string().min(1).describe('画面内容 Visuals'),
  voiceOver: z.string().describe('口播/旁白 Voice-over'),
  onScreenText: z.string().describe('屏幕文字/字幕重点 On-screen text'),
  musicCue: z.string().describe('音乐/音效提示 Music cue'),
});

export const videoScriptSchema = z.object({
  title: z.string().min(1),
  hook: z.string().min(1).describe('开头 3 秒钩子'),
  shots: z.array(shotSchema).min(1),
  cta: z.string().describe('结尾行动号召'),
});

export type Shot = z.infer<typeof shotSchema>;
export type VideoScriptBody = z.infer<typeof videoScriptSchema>;

/** Target formats: total seconds with tolerance and a shot-count range. */
export const VIDEO_FORMATS = {
  '15s': { seconds: 15, tolerance: 3, minShots: 3, maxShots: 6, zh: '15 秒快节奏' },
  '60s': { seconds: 60, tolerance: 8, minShots: 5, maxShots: 14, zh: '1 分钟讲解' },
  '3min': { seconds: 180, tolerance: 20, minShots: 10, maxShots: 32, zh: '3 分钟深度' },
} as const;

export type VideoFormat = keyof typeof VIDEO_FORMATS;

export interface VideoScript extends VideoScriptBody {
  format: VideoFormat;
  platform?: string;
  totalSeconds: number;
}

/** Timing problems of a script for a format, phrased for the model and the user. */
export function checkTiming(script: VideoScriptBody, format: VideoFormat): string[] {
  const spec = VIDEO_FORMATS[format];
  const total = script.shots.reduce((sum, s) => sum + s.durationSeconds, 0);
  const problems: string[] = [];
  if (Math.abs(total - spec.seconds) > spec.tolerance) {
    problems.push(`总时长 ${total} 秒，应为 ${spec.seconds}±${spec.tolerance} 秒 / total ${total}s, must be ${spec.seconds}±${spec.tolerance}s`);
  }
  if (script.shots.length < spec.minShots || script.shots.length > spec.maxShots) {
    problems.push(`镜头数 ${script.shots.length}，应为 ${spec.minShots}–${spec.maxShots} 个 / ${script.shots.length} shots, must be ${spec.minShots}-${spec.maxShots}`);
  }
  return problems;
}
