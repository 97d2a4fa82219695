import { descriptorFor } from '../../descriptors.ts';

export const WECHAT_MP_DESCRIPTOR = descriptorFor('wechat_mp');
