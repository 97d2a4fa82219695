import type { PlatformDescriptor } from '../../adapter.ts';

export const WECHAT_MP_DESCRIPTOR: PlatformDescriptor = {
  id: 'wechat_mp',
  name: '微信公众号',
  kinds: ['article'],
  limits: { titleMax: 64, bodyMax: 20_000, imagesMax: 100, scheduling: false, metrics: true },
  methods: ['official_api', 'assist'],
  publishPageUrl: 'https://mp.weixin.qq.com/',
};
