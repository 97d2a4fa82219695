import type { Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import { descriptorFor } from '../descriptors.ts';
import type { MethodAdapter } from '../adapter.ts';
import type { OAuthPlatform } from '../oauth/service.ts';
import type { OAuthProvider } from '../oauth/types.ts';
import { bilibiliApiMethod } from './bilibili-api/adapter.ts';
import { bilibiliOAuth } from './bilibili-api/api.ts';
import { douyinApiMethod } from './douyin-api/adapter.ts';
import { douyinOAuth } from './douyin-api/api.ts';
import { kuaishouApiMethod } from './kuaishou-api/adapter.ts';
import { kuaishouOAuth } from './kuaishou-api/api.ts';
import { weiboApiMethod } from './weibo-api/adapter.ts';
import { weiboOAuth } from './weibo-api/api.ts';

/** A platform whose open platform publishes with the creator's OAuth grant. */
export interface OfficialApi {
  platform: string;
  provider: OAuthProvider;
  method(o: { clock: Clock; guard?: EgressGuard }): MethodAdapter;
}

/** Every OAuth official API, in one list: the registry adds their methods, the OAuth service their providers. */
export const OFFICIAL_APIS: OfficialApi[] = [
  { platform: 'weibo', provider: weiboOAuth, method: weiboApiMethod },
  { platform: 'bilibili', provider: bilibiliOAuth, method: bilibiliApiMethod },
  { platform: 'douyin', provider: douyinOAuth, method: douyinApiMethod },
  { platform: 'kuaishou', provider: kuaishouOAuth, method: kuaishouApiMethod },
];

export function oauthPlatforms(): Map<string, OAuthPlatform> {
  return new Map(OFFICIAL_APIS.map((api) => [api.platform, { provider: api.provider, name: descriptorFor(api.platform).name }]));
}
