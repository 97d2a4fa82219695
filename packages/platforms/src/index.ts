export { loadCatalogue, parseEntry, platforms, platformIds, publishPlatforms, findPlatform, resolvePlatform, samePlatform, type Catalogue } from './catalogue.ts';
export { publishDescriptor, type PlatformDescriptor, type PlatformLimits } from './descriptor.ts';
export { CONTENT_KINDS, PUBLISH_METHODS, WORK_KIND_CONTENT_KIND, contentKindOfWork, type ContentKind, type PublishMethod, type WorkKindName } from './kinds.ts';
export { platformEntrySchema, outputKindSchema, type PlatformEntry, type OutputKind, type PlatformSource } from './schema.ts';
