import { PublishError } from '../../errors.ts';

interface Known {
  message: string;
  retryable?: boolean;
  /** The token is stale: refresh once and repeat the call. */
  refreshToken?: boolean;
}

/** Documented WeChat MP error codes → what happened and what to do. */
const KNOWN: Record<number, Known> = {
  [-1]: { message: 'WeChat reported "system busy". It is temporary; the job will retry.', retryable: true },
  40001: { message: 'The access token was rejected (another system may have refreshed it).', refreshToken: true },
  42001: { message: 'The access token expired.', refreshToken: true },
  40013: { message: 'The AppID is invalid. Check the AppID in 公众号后台 → 设置与开发 → 基本配置, then edit the account.' },
  40125: { message: 'The AppSecret is invalid. Reset it in 公众号后台 → 设置与开发 → 基本配置 and update the account credentials.' },
  40164: {
    message:
      "This server's IP address is not on the account's IP whitelist. Add it in 公众号后台 → 设置与开发 → 基本配置 → IP白名单, or set the account's API base URL to a proxy whose IP is whitelisted.",
  },
  45009: { message: 'The daily API quota of this account is used up. Wait until tomorrow, or clear the quota in 公众号后台 (each account may clear it a few times a month).' },
  45011: { message: 'Too many API calls this minute; the job will retry shortly.', retryable: true },
  48001: {
    message: 'This account is not authorised for this API (usually an unverified account, or the permission is missing). Verify the account, or publish with the assist method.',
  },
  40007: { message: 'WeChat rejected a media id (cover or draft missing). The cover will be uploaded again on retry; if it repeats, check the cover image.', retryable: true },
  40009: { message: 'An image is too large for WeChat (max 10 MB, in-body images max 1 MB). Compress it and try again.' },
  40113: { message: 'An image type is not supported. Use JPG or PNG.' },
  45003: { message: 'The title is longer than WeChat allows (64 characters). Shorten it.' },
  45004: { message: 'The digest is longer than WeChat allows (120 characters). Shorten it.' },
  53503: { message: 'The draft did not pass WeChat’s publish check. Open the draft in 公众号后台 to see why.' },
  53504: { message: 'This draft must be published from the 公众号后台 web page. Use the assist method.' },
  53505: { message: 'WeChat asks that the draft be saved manually once in 公众号后台 before it can be published.' },
};

export function isTokenError(errcode: number): boolean {
  return KNOWN[errcode]?.refreshToken === true;
}

export function wechatError(errcode: number, errmsg: string, endpoint: string): PublishError {
  const known = KNOWN[errcode];
  const text = known?.message ?? `WeChat returned error ${errcode} (${sanitize(errmsg)}).`;
  return new PublishError(`WECHAT_${errcode < 0 ? 'BUSY' : errcode}`, `${text} [${endpoint}, errcode ${errcode}]`, {
    status: 502,
    retryable: known?.retryable ?? false,
    details: { errcode, endpoint },
  });
}

/** WeChat echoes request parts in errmsg; keep it short and free of tokens. */
function sanitize(errmsg: string): string {
  return errmsg.replace(/access_token=[^&\s]+/g, 'access_token=[redacted]').slice(0, 200);
}
