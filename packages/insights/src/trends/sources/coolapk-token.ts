import { createHash, randomBytes } from 'node:crypto';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * The headers the 酷安 app sends; its API refuses requests without a valid
 * X-App-Token. The token scheme (md5 of a base64 string built from the time and
 * a device id, then device id and hex time appended) is the app's own, as
 * documented in DailyHotApi src/utils/getToken/coolapk.ts (checked 2026-12-02).
 */
export function coolapkHeaders(now: Date): Record<string, string> {
  const deviceId = [8, 4, 4, 4, 12].map((n) => randomBytes(n).toString('hex').slice(0, n)).join('-');
  const seconds = Math.round(now.getTime() / 1000);
  const source = `token://com.coolapk.market/c67ef5943784d09750dcfbb31020f0ab?${md5(String(seconds))}$${deviceId}&com.coolapk.market`;
  const token = md5(Buffer.from(source).toString('base64')) + deviceId + `0x${seconds.toString(16)}`;
  return {
    'X-Requested-With': 'XMLHttpRequest',
    'X-App-Id': 'com.coolapk.market',
    'X-App-Token': token,
    'X-Sdk-Int': '29',
    'X-Sdk-Locale': 'zh-CN',
    'X-App-Version': '11.0',
    'X-Api-Version': '11',
    'X-App-Code': '2101202',
    'User-Agent': 'Mozilla/5.0 (Linux; Android 10; Mi 10) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/111.0.5563.15 Mobile Safari/537.36',
  };
}
