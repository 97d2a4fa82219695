/**
 * GENERATED from GET /api/openapi.json by `npm run api:types`: do not edit.
 * A test (apps/server/src/contract/web-types.test.ts) fails when this file is
 * stale, so a change to a route's schema shows up here and in the web
 * app's typecheck.
 */
export interface paths {
    "/api/alerts/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where alerts go: 飞书/钉钉/企业微信 group bots and webhooks (addresses masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                enabled: boolean;
                                has_secret: boolean;
                                id: string;
                                /** @enum {string} */
                                kind: "feishu" | "dingtalk" | "wecom" | "webhook" | "email";
                                name: string;
                                target_hint: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a channel: a group bot's webhook address (and its signing secret for 飞书/钉钉 加签), or e-mail: mailto:addresses with the SMTP server URL as its secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "feishu" | "dingtalk" | "wecom" | "webhook" | "email";
                        name: string;
                        secret?: string | null;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            enabled: boolean;
                            has_secret: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "feishu" | "dingtalk" | "wecom" | "webhook" | "email";
                            name: string;
                            target_hint: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a channel (rules stop sending to it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message through a channel and say whether the bot took it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            channel_id: string;
                            channel_name: string;
                            detail: string | null;
                            error_code: string | null;
                            /** @enum {string} */
                            kind: "feishu" | "dingtalk" | "wecom" | "webhook" | "email";
                            ok: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate the workspace's rules against the lists now (it also happens after every refresh) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            digests: {
                                deliveries: {
                                    attempts: number;
                                    channel_id: string;
                                    channel_name: string;
                                    detail: string | null;
                                    error_code: string | null;
                                    /** @enum {string} */
                                    kind: "feishu" | "dingtalk" | "wecom" | "webhook" | "email";
                                    ok: boolean;
                                }[];
                                digest_id: string;
                                hits: number;
                                notification_id: string;
                                rule_id: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Digests sent, newest first, with what each channel answered */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                deliveries: {
                                    attempts: number;
                                    channel_id: string;
                                    channel_name: string;
                                    detail: string | null;
                                    error_code: string | null;
                                    /** @enum {string} */
                                    kind: "feishu" | "dingtalk" | "wecom" | "webhook" | "email";
                                    ok: boolean;
                                }[];
                                id: string;
                                kind: string;
                                lines: string[];
                                rule_id: string | null;
                                title: string;
                                window_key: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alert rules of the workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                channel_ids: string[];
                                created_at: string;
                                enabled: boolean;
                                id: string;
                                min_velocity: number | null;
                                name: string;
                                niche: string;
                                top_n: number | null;
                                updated_at: string;
                                window: {
                                    end: string;
                                    start: string;
                                    utc_offset_minutes: number;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a rule: a niche item enters the top N, or climbs at least X places an hour; optional push window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        channel_ids?: string[];
                        /** @default true */
                        enabled?: boolean;
                        min_velocity?: number | null;
                        name: string;
                        /** @description A saved niche's name, or keyword rules in the niche syntax */
                        niche: string;
                        top_n?: number | null;
                        window?: {
                            end: string;
                            start: string;
                            /** @default 480 */
                            utc_offset_minutes?: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_ids: string[];
                            created_at: string;
                            enabled: boolean;
                            id: string;
                            min_velocity: number | null;
                            name: string;
                            niche: string;
                            top_n: number | null;
                            updated_at: string;
                            window: {
                                end: string;
                                start: string;
                                utc_offset_minutes: number;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a rule */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        channel_ids?: string[];
                        /** @default true */
                        enabled?: boolean;
                        min_velocity?: number | null;
                        name: string;
                        /** @description A saved niche's name, or keyword rules in the niche syntax */
                        niche: string;
                        top_n?: number | null;
                        window?: {
                            end: string;
                            start: string;
                            /** @default 480 */
                            utc_offset_minutes?: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_ids: string[];
                            created_at: string;
                            enabled: boolean;
                            id: string;
                            min_velocity: number | null;
                            name: string;
                            niche: string;
                            top_n: number | null;
                            updated_at: string;
                            window: {
                                end: string;
                                start: string;
                                utc_offset_minutes: number;
                            } | null;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a rule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Performance by tag and by content kind */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kinds: {
                                key: string;
                                median_views: number | null;
                                median_viral_score: number | null;
                                posts: number;
                            }[];
                            tags: {
                                key: string;
                                median_views: number | null;
                                median_viral_score: number | null;
                                posts: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 预估爆款分 for a draft: from the account's scored posts, those with the same tags, and the matching trend's heat now (an estimate, labelled so) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        account_id?: string;
                        platform?: string;
                        /** @default [] */
                        tags?: string[];
                        topic: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            based_on: {
                                posts: number;
                                tag_posts: number;
                                trend: {
                                    heat: number;
                                    id: string;
                                    rank: number;
                                    source_name: string;
                                    title: string;
                                } | null;
                            };
                            estimate: boolean;
                            features: {
                                baseline: number | null;
                                contribution: number;
                                explanation: string;
                                /** @enum {string} */
                                name: "interactions" | "velocity" | "engagement" | "heat";
                                normalized: number | null;
                                value: number | null;
                                weight: number;
                            }[];
                            notes: string[];
                            score: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The post table as CSV (UTF-8 with BOM) or XLSX */
        get: {
            parameters: {
                query?: {
                    account_id?: string;
                    format?: "csv" | "xlsx";
                    platform?: string;
                    q?: string;
                    sort?: "published_at" | "views" | "viral_score" | "engagement_rate";
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The post table as a file (attachment) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Best time to post: weekday × hour (Beijing) of publishing against the median 爆款分 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            best: {
                                hour: number;
                                median_score: number;
                                posts: number;
                                weekday: number;
                            }[];
                            cells: {
                                hour: number;
                                median_score: number;
                                posts: number;
                                weekday: number;
                            }[];
                            scored_posts: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Followers, reads/plays and interactions per platform and per account over time */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                account_id: string;
                                followers: number | null;
                                name: string;
                                platform: string;
                                series: {
                                    day: string;
                                    followers: number;
                                }[];
                            }[];
                            collectable_platforms: string[];
                            followers: {
                                day: string;
                                followers: number;
                                platform: string;
                            }[];
                            from: string;
                            gains: {
                                day: string;
                                interactions: number;
                                platform: string;
                                views: number;
                            }[];
                            platforms: {
                                comments: number;
                                engagement_rate: number | null;
                                favorites: number;
                                followers: number;
                                likes: number;
                                median_viral_score: number | null;
                                platform: string;
                                posts: number;
                                shares: number;
                                views: number;
                            }[];
                            posts: number;
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Followed posts with latest numbers, 爆款分 and a sparkline; filter and sort */
        get: {
            parameters: {
                query?: {
                    account_id?: string;
                    limit?: number;
                    offset?: number;
                    platform?: string;
                    q?: string;
                    sort?: "published_at" | "views" | "viral_score" | "engagement_rate";
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                account_id: string | null;
                                account_name: string | null;
                                coins: number | null;
                                comments: number | null;
                                danmaku: number | null;
                                engagement_rate: number | null;
                                favorites: number | null;
                                id: string;
                                kind: string | null;
                                last_collected_at: string | null;
                                last_error_code: string | null;
                                last_error_message: string | null;
                                likes: number | null;
                                next_collect_at: string | null;
                                platform: string;
                                published_at: string;
                                shares: number | null;
                                sparkline: number[];
                                tags: string[];
                                title: string;
                                url: string | null;
                                views: number | null;
                                viral_score: number | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 周报: the last 7 days per platform, top posts with sentiment and questions, next week's cited topics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            next_topics: {
                                citations: number;
                                topic: string;
                                why_now: string;
                            }[];
                            platforms: {
                                followers: number;
                                interactions: number;
                                median_viral_score: number | null;
                                platform: string;
                                platform_name: string;
                                posts: number;
                                views: number;
                            }[];
                            text: string;
                            to: string;
                            top_posts: {
                                id: string;
                                platform: string;
                                questions: string[];
                                sentiment: string | null;
                                title: string;
                                url: string | null;
                                views: number | null;
                                viral_score: number | null;
                            }[];
                            topics_niche: string | null;
                            week: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/weekly/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send this week's 周报 to every enabled alert channel and the notifications, once per week */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                channel_id: string;
                                channel_name: string;
                                detail: string | null;
                                error_code: string | null;
                                kind: string;
                                ok: boolean;
                            }[];
                            sent: boolean;
                            week: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assets, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    tag?: string;
                    type?: "image" | "video" | "audio" | "document";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                content_url: string;
                                created_at: string;
                                duration_ms: number | null;
                                has_text: boolean;
                                has_thumbnail: boolean;
                                height: number | null;
                                id: string;
                                mime: string;
                                name: string;
                                sha256: string;
                                size: number;
                                /** @enum {string} */
                                storage: "local" | "cloud";
                                tags: string[];
                                thumbnail_url: string | null;
                                /** @enum {string} */
                                type: "image" | "video" | "audio" | "document";
                                updated_at: string;
                                uri: string;
                                width: number | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a file (multipart field `file`); the type is sniffed from the content; identical content returns the existing asset (200) */
        post: {
            parameters: {
                query?: {
                    tags?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asset: {
                                content_url: string;
                                created_at: string;
                                duration_ms: number | null;
                                has_text: boolean;
                                has_thumbnail: boolean;
                                height: number | null;
                                id: string;
                                mime: string;
                                name: string;
                                sha256: string;
                                size: number;
                                /** @enum {string} */
                                storage: "local" | "cloud";
                                tags: string[];
                                thumbnail_url: string | null;
                                /** @enum {string} */
                                type: "image" | "video" | "audio" | "document";
                                updated_at: string;
                                uri: string;
                                width: number | null;
                            };
                            deduplicated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asset: {
                                content_url: string;
                                created_at: string;
                                duration_ms: number | null;
                                has_text: boolean;
                                has_thumbnail: boolean;
                                height: number | null;
                                id: string;
                                mime: string;
                                name: string;
                                sha256: string;
                                size: number;
                                /** @enum {string} */
                                storage: "local" | "cloud";
                                tags: string[];
                                thumbnail_url: string | null;
                                /** @enum {string} */
                                type: "image" | "video" | "audio" | "document";
                                updated_at: string;
                                uri: string;
                                width: number | null;
                            };
                            deduplicated: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One asset */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content_url: string;
                            created_at: string;
                            duration_ms: number | null;
                            has_text: boolean;
                            has_thumbnail: boolean;
                            height: number | null;
                            id: string;
                            mime: string;
                            name: string;
                            sha256: string;
                            size: number;
                            /** @enum {string} */
                            storage: "local" | "cloud";
                            tags: string[];
                            thumbnail_url: string | null;
                            /** @enum {string} */
                            type: "image" | "video" | "audio" | "document";
                            updated_at: string;
                            uri: string;
                            width: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an asset and its stored bytes */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or retag an asset */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content_url: string;
                            created_at: string;
                            duration_ms: number | null;
                            has_text: boolean;
                            has_thumbnail: boolean;
                            height: number | null;
                            id: string;
                            mime: string;
                            name: string;
                            sha256: string;
                            size: number;
                            /** @enum {string} */
                            storage: "local" | "cloud";
                            tags: string[];
                            thumbnail_url: string | null;
                            /** @enum {string} */
                            type: "image" | "video" | "audio" | "document";
                            updated_at: string;
                            uri: string;
                            width: number | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/assets/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes; honours `Range: bytes=…` with 206 (video/audio seeking) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (its own media type) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description The requested byte range */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description The range lies outside the file */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WebP thumbnail of an image */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description WebP thumbnail */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolve an asset:// URI within your workspace */
        get: {
            parameters: {
                query: {
                    uri: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content_url: string;
                            created_at: string;
                            duration_ms: number | null;
                            has_text: boolean;
                            has_thumbnail: boolean;
                            height: number | null;
                            id: string;
                            mime: string;
                            name: string;
                            sha256: string;
                            size: number;
                            /** @enum {string} */
                            storage: "local" | "cloud";
                            tags: string[];
                            thumbnail_url: string | null;
                            /** @enum {string} */
                            type: "image" | "video" | "audio" | "document";
                            updated_at: string;
                            uri: string;
                            width: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/device/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A desktop asks for a sign-in code to show its user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            device_code: string;
                            expires_in: number;
                            interval: number;
                            user_code: string;
                            verification_uri: string;
                            verification_uri_complete: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/device/requests/{user_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a sign-in code asks for (shown before the user confirms it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client_name: string;
                            expires_at: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "used" | "expired";
                            user_code: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/device/requests/{user_code}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a sign-in code and choose the workspace the desktop pairs with */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        workspace_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client_name: string;
                            expires_at: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "used" | "expired";
                            user_code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/device/requests/{user_code}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a sign-in code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client_name: string;
                            expires_at: string;
                            /** @enum {string} */
                            status: "pending" | "approved" | "denied" | "used" | "expired";
                            user_code: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/device/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The desktop polls until its user confirmed the code (then receives its API token once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        device_code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            role: string;
                            token_id: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            user: {
                                email: string | null;
                                id: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (cloud mode) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            expires_in: number;
                            refresh_expires_in: number;
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            user: {
                                email: string | null;
                                id: string;
                                locale: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a session: the one of the refresh token given, else the one of the Bearer access token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refresh_token?: string;
                    } | null;
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and how they are authenticated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            default_workspace_id: string | null;
                            /** @enum {string} */
                            mode: "local" | "cloud";
                            token_role: string | null;
                            token_workspace_id: string | null;
                            user: {
                                email: string | null;
                                id: string;
                                locale: string;
                                name: string;
                            };
                            /** @enum {string} */
                            via: "local" | "access_token" | "api_token";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token (in the body, or the cf_refresh cookie with x-creatorflow-refresh: cookie) for a new token pair; each refresh token works once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refresh_token?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            expires_in: number;
                            refresh_expires_in: number;
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account with a personal workspace (cloud mode) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name?: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            expires_in: number;
                            refresh_expires_in: number;
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            user: {
                                email: string | null;
                                id: string;
                                locale: string;
                                name: string;
                            };
                            workspace: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cloud/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cloud this workspace is linked to, or the sign-in in progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            state: "unlinked";
                        } | {
                            cloud_url: string;
                            expires_at: string;
                            /** @enum {string} */
                            state: "pending";
                            user_code: string;
                            verification_uri: string;
                            verification_uri_complete: string;
                        } | {
                            cloud_url: string;
                            error: {
                                code: string;
                                message: string;
                            };
                            /** @enum {string} */
                            state: "failed";
                        } | {
                            cloud_url: string;
                            cloud_user: string;
                            cloud_workspace: {
                                id: string;
                                name: string;
                            };
                            linked_at: string;
                            /** @enum {string} */
                            state: "linked";
                            /** @enum {string} */
                            token_store: "keychain" | "file";
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start linking to a cloud: returns the code to confirm in the cloud web app */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            state: "unlinked";
                        } | {
                            cloud_url: string;
                            expires_at: string;
                            /** @enum {string} */
                            state: "pending";
                            user_code: string;
                            verification_uri: string;
                            verification_uri_complete: string;
                        } | {
                            cloud_url: string;
                            error: {
                                code: string;
                                message: string;
                            };
                            /** @enum {string} */
                            state: "failed";
                        } | {
                            cloud_url: string;
                            cloud_user: string;
                            cloud_workspace: {
                                id: string;
                                name: string;
                            };
                            linked_at: string;
                            /** @enum {string} */
                            state: "linked";
                            /** @enum {string} */
                            token_store: "keychain" | "file";
                        };
                    };
                };
            };
        };
        /** Unlink: revoke the device token on the cloud and forget it here */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked_on_cloud: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What runs’ model calls cost, per graph, month, member or run, with the total of the range */
        get: {
            parameters: {
                query?: {
                    by?: "graph" | "month" | "user" | "run";
                    /** @description Start of the range (default: 365 days before `to`) */
                    from?: string;
                    limit?: number;
                    /** @description End of the range, exclusive (default: now) */
                    to?: string;
                    /** @description Months are cut in this time zone (480 = 北京时间) */
                    utc_offset_minutes?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            by: "graph" | "month" | "user" | "run";
                            /** Format: date-time */
                            from: string;
                            items: {
                                /** @description What the finished calls cost, US cents (the providers’ prices) */
                                actual_cents: number;
                                /** @description Model calls started in the range */
                                calls: number;
                                cancelled: number;
                                failed: number;
                                /** Format: date-time */
                                first_at: string;
                                in_flight: number;
                                input_tokens: number;
                                /** @description Calls cut off by a crash and made again by the resumed run (at-least-once); counted at their estimate */
                                interrupted: number;
                                /** @description The estimate of the interrupted calls, US cents */
                                interrupted_cents: number;
                                /** @description graph name, YYYY-MM, user id (null: calls without a user) or run id */
                                key: string | null;
                                /** @description member name (by=user) or graph name (by=run) */
                                label: string | null;
                                /** Format: date-time */
                                last_at: string;
                                output_tokens: number;
                                /** @description by=run: the run’s status */
                                run_status: string | null;
                                /** @description by=run: the run’s topic or main text input */
                                subject: string | null;
                                succeeded: number;
                            }[];
                            /** Format: date-time */
                            to: string;
                            total: {
                                /** @description What the finished calls cost, US cents (the providers’ prices) */
                                actual_cents: number;
                                /** @description Model calls started in the range */
                                calls: number;
                                cancelled: number;
                                failed: number;
                                in_flight: number;
                                input_tokens: number;
                                /** @description Calls cut off by a crash and made again by the resumed run (at-least-once); counted at their estimate */
                                interrupted: number;
                                /** @description The estimate of the interrupted calls, US cents */
                                interrupted_cents: number;
                                output_tokens: number;
                                succeeded: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/covers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a cover PNG (or save it as an asset with save: true) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        background_asset_id?: string;
                        height?: number;
                        platform?: string;
                        /** @default false */
                        save?: boolean;
                        subtitle?: string;
                        template?: string;
                        title: string;
                        width?: number;
                    };
                };
            };
            responses: {
                /** @description The cover PNG (save: false) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                        "image/png": string;
                    };
                };
                /** @description The saved asset (save: true) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            height: number;
                            id: string;
                            title_lines: string[];
                            uri: string;
                            width: number;
                        };
                        "image/png": {
                            height: number;
                            id: string;
                            title_lines: string[];
                            uri: string;
                            width: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/covers/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cover templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: {
                                background: {
                                    color: string;
                                    /** @enum {string} */
                                    type: "color";
                                } | {
                                    angle: number;
                                    from: string;
                                    to: string;
                                    /** @enum {string} */
                                    type: "gradient";
                                } | {
                                    fallback: string;
                                    overlay?: {
                                        from: string;
                                        to: string;
                                    };
                                    /** @enum {string} */
                                    type: "image";
                                };
                                decorations: {
                                    color: string;
                                    h: number;
                                    opacity: number;
                                    /** @enum {string} */
                                    type: "rect";
                                    w: number;
                                    x: number;
                                    y: number;
                                }[];
                                id: string;
                                name: {
                                    en: string;
                                    zh: string;
                                };
                                subtitle?: {
                                    /** @enum {string} */
                                    align: "left" | "center" | "right";
                                    /** @description Fractions of the cover size */
                                    box: {
                                        h: number;
                                        w: number;
                                        x: number;
                                        y: number;
                                    };
                                    color: string;
                                    line_height: number;
                                    max_lines: number;
                                    /** @description Font size as a fraction of the cover width */
                                    max_size: number;
                                    min_size: number;
                                    weight: 400 | 700;
                                };
                                title: {
                                    /** @enum {string} */
                                    align: "left" | "center" | "right";
                                    /** @description Fractions of the cover size */
                                    box: {
                                        h: number;
                                        w: number;
                                        x: number;
                                        y: number;
                                    };
                                    color: string;
                                    line_height: number;
                                    max_lines: number;
                                    /** @description Font size as a fraction of the cover width */
                                    max_size: number;
                                    min_size: number;
                                    weight: 400 | 700;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/format": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Format Markdown for a platform and check its limits */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        author?: string;
                        cover?: {
                            height: number;
                            /** @description The cover image (an asset:// URI or URL), shown first in a note preview */
                            src?: string;
                            width: number;
                        };
                        /** @description Extra CSS applied after the theme (WeChat, rich HTML) */
                        custom_css?: string;
                        images?: {
                            alt?: string;
                            src: string;
                        }[];
                        markdown: string;
                        platform: string;
                        summary?: string;
                        tags?: string[];
                        theme?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Exactly what goes into the platform's body field */
                            body: string;
                            /** @enum {string} */
                            body_format: "html" | "markdown" | "text";
                            cover?: {
                                height: number;
                                ratio: string;
                                width: number;
                            };
                            footnotes: {
                                n: number;
                                text: string;
                                url: string;
                            }[];
                            images: {
                                alt: string;
                                needs_upload: boolean;
                                /** @enum {string} */
                                reason?: "external" | "local" | "asset";
                                src: string;
                            }[];
                            notices: string[];
                            output: string;
                            /** @description The visible text of the body, as the platform counts it */
                            plain_text: string;
                            platform: string;
                            platform_name: {
                                en: string;
                                zh: string;
                            };
                            stats: {
                                body_chars: number;
                                image_count: number;
                                tag_count: number;
                                title_chars: number;
                            };
                            summary?: string;
                            tags: string[];
                            theme?: string;
                            title?: string;
                            violations: {
                                actual?: number;
                                code: string;
                                /** @enum {string} */
                                field: "title" | "body" | "summary" | "tags" | "images" | "cover";
                                /**
                                 * @description The LLM "fit to platform" rewrite can fix this
                                 * @enum {string}
                                 */
                                fix?: "fit";
                                limit?: number;
                                message: {
                                    en: string;
                                    zh: string;
                                };
                                /** @enum {string} */
                                severity: "error" | "warning";
                                suggestion: {
                                    en: string;
                                    zh: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/format/fit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rewrite a too-long field with the LLM so it fits the platform, then format again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        author?: string;
                        cover?: {
                            height: number;
                            /** @description The cover image (an asset:// URI or URL), shown first in a note preview */
                            src?: string;
                            width: number;
                        };
                        /** @description Extra CSS applied after the theme (WeChat, rich HTML) */
                        custom_css?: string;
                        /** @enum {string} */
                        field: "title" | "body" | "summary";
                        images?: {
                            alt?: string;
                            src: string;
                        }[];
                        limit?: number;
                        markdown: string;
                        model?: string;
                        platform: string;
                        summary?: string;
                        tags?: string[];
                        theme?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fit: {
                                attempts: number;
                                chars: number;
                                cost_cents: number;
                                fits: boolean;
                                limit: number;
                                text: string;
                            };
                            result: {
                                /** @description Exactly what goes into the platform's body field */
                                body: string;
                                /** @enum {string} */
                                body_format: "html" | "markdown" | "text";
                                cover?: {
                                    height: number;
                                    ratio: string;
                                    width: number;
                                };
                                footnotes: {
                                    n: number;
                                    text: string;
                                    url: string;
                                }[];
                                images: {
                                    alt: string;
                                    needs_upload: boolean;
                                    /** @enum {string} */
                                    reason?: "external" | "local" | "asset";
                                    src: string;
                                }[];
                                notices: string[];
                                output: string;
                                /** @description The visible text of the body, as the platform counts it */
                                plain_text: string;
                                platform: string;
                                platform_name: {
                                    en: string;
                                    zh: string;
                                };
                                stats: {
                                    body_chars: number;
                                    image_count: number;
                                    tag_count: number;
                                    title_chars: number;
                                };
                                summary?: string;
                                tags: string[];
                                theme?: string;
                                title?: string;
                                violations: {
                                    actual?: number;
                                    code: string;
                                    /** @enum {string} */
                                    field: "title" | "body" | "summary" | "tags" | "images" | "cover";
                                    /**
                                     * @description The LLM "fit to platform" rewrite can fix this
                                     * @enum {string}
                                     */
                                    fix?: "fit";
                                    limit?: number;
                                    message: {
                                        en: string;
                                        zh: string;
                                    };
                                    /** @enum {string} */
                                    severity: "error" | "warning";
                                    suggestion: {
                                        en: string;
                                        zh: string;
                                    };
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/format/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Platform profiles (limits and rules) and WeChat themes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            platforms: {
                                aliases: string[];
                                body: {
                                    ideal?: {
                                        max?: number;
                                        min?: number;
                                    };
                                    max?: number;
                                    min?: number;
                                };
                                /** @enum {string} */
                                counting: "chars" | "weibo";
                                cover?: {
                                    first_image: boolean;
                                    height: number;
                                    ratio: string;
                                    required: boolean;
                                    width: number;
                                };
                                id: string;
                                images?: {
                                    max?: number;
                                    max_width?: number;
                                    min?: number;
                                    native_hosts: string[];
                                };
                                kinds: string[];
                                links: {
                                    allowed_hosts: string[];
                                    /** @enum {string} */
                                    external: "keep" | "footnotes" | "text" | "drop";
                                };
                                metrics: {
                                    supported: boolean;
                                };
                                name: {
                                    en: string;
                                    zh: string;
                                };
                                notes?: string;
                                /** @enum {string} */
                                output: "wechat-html" | "rich-html" | "markdown" | "text" | "note" | "video";
                                paragraphs?: {
                                    blank_line: boolean;
                                    bullet: string;
                                    emojis: string[];
                                    /** @enum {string} */
                                    heading: "plain" | "emoji" | "brackets";
                                    max_chars: number;
                                };
                                publish?: {
                                    login_url?: string;
                                    methods: string[];
                                    page_url: string;
                                    scheduling: boolean;
                                };
                                sensitive_words: string[];
                                sources: {
                                    checked: string;
                                    url: string;
                                    what: string;
                                }[];
                                summary?: {
                                    max?: number;
                                    min?: number;
                                    required: boolean;
                                };
                                tags?: {
                                    format: string;
                                    max: number;
                                    max_chars?: number;
                                    min: number;
                                    /** @enum {string} */
                                    placement: "inline" | "field";
                                };
                                title?: {
                                    ideal?: {
                                        max?: number;
                                        min?: number;
                                    };
                                    max?: number;
                                    min?: number;
                                    required: boolean;
                                };
                                unverified: string[];
                                video?: {
                                    max_seconds?: number;
                                    min_seconds?: number;
                                };
                            }[];
                            themes: {
                                description: string;
                                id: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/format/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A full HTML page of exactly what will be pasted or published */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        author?: string;
                        cover?: {
                            height: number;
                            /** @description The cover image (an asset:// URI or URL), shown first in a note preview */
                            src?: string;
                            width: number;
                        };
                        /** @description Extra CSS applied after the theme (WeChat, rich HTML) */
                        custom_css?: string;
                        images?: {
                            alt?: string;
                            src: string;
                        }[];
                        markdown: string;
                        platform: string;
                        summary?: string;
                        tags?: string[];
                        theme?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description The preview page; the x-creatorflow-violations header counts the errors */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graphs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Graphs the workspace can run: its own and the built-ins */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                builtin: boolean;
                                button: string | null;
                                description: string | null;
                                example: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description What a run takes; a client builds the start form from these and sends only them */
                                inputs: {
                                    [key: string]: {
                                        default?: unknown;
                                        description?: string;
                                        enum?: (string | number)[];
                                        /** @description Display name of each enum value (zh-CN) */
                                        enum_labels?: {
                                            [key: string]: string;
                                        };
                                        /** @description Short field name shown in start forms (zh-CN); `locales` has other languages */
                                        label?: string;
                                        placeholder?: string;
                                        /** @default false */
                                        required: boolean;
                                        /**
                                         * @default string
                                         * @enum {string}
                                         */
                                        type: "string" | "number" | "integer" | "boolean" | "object" | "array" | "any";
                                        /** @enum {string} */
                                        widget?: "text" | "textarea" | "url" | "work" | "idea" | "account" | "asset" | "platform" | "platforms" | "datetime";
                                    };
                                };
                                locales: {
                                    [key: string]: {
                                        button?: string;
                                        description?: string;
                                        inputs?: {
                                            [key: string]: {
                                                description?: string;
                                                enum_labels?: {
                                                    [key: string]: string;
                                                };
                                                label?: string;
                                                placeholder?: string;
                                            };
                                        };
                                        /** @description Node id → label */
                                        nodes?: {
                                            [key: string]: string;
                                        };
                                        title?: string;
                                    };
                                };
                                name: string;
                                nodes: {
                                    [key: string]: {
                                        description?: string;
                                        label?: string;
                                    };
                                };
                                not_runnable_reason: string | null;
                                /** @description False when the graph uses a tool of a feature not built yet: a client shows it disabled */
                                runnable: boolean;
                                title: string | null;
                                unavailable_tools: string[];
                                /** @description ISO 8601 time */
                                updated_at: string | null;
                                version: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Store a new version of a graph */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ISO 8601 time */
                            created_at: string | null;
                            name: string;
                            version: number | null;
                            warnings: {
                                col: number;
                                file: string;
                                line: number;
                                message: string;
                                node?: string;
                                /** @description Dotted path in the document, e.g. nodes.draft.prompt */
                                path: string;
                                /** @enum {string} */
                                severity: "error" | "warning";
                                suggestion?: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graphs/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One graph (a version, or the latest) with its source */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtin: boolean;
                            /** @description The parsed graph */
                            definition: {
                                [key: string]: unknown;
                            };
                            name: string;
                            /** @description The graph as written (YAML) */
                            source: string;
                            version: number | null;
                            versions: {
                                /** @description ISO 8601 time */
                                created_at: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graphs/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Schema of the graph DSL */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON Schema (draft 2020-12) of the graph DSL */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/graphs/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a graph without storing it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        file?: string;
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issues: {
                                col: number;
                                file: string;
                                line: number;
                                message: string;
                                node?: string;
                                /** @description Dotted path in the document, e.g. nodes.draft.prompt */
                                path: string;
                                /** @enum {string} */
                                severity: "error" | "warning";
                                suggestion?: string;
                            }[];
                            valid: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and configuration of this server */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            db: "pglite" | "postgres";
                            /** @enum {string} */
                            mode: "local" | "cloud";
                            /** @enum {string} */
                            redis: "ok" | "down" | "none";
                            /** @enum {string} */
                            status: "ok" | "degraded";
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ideas, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: "new" | "in_progress" | "used" | "archived";
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                id: string;
                                link: string | null;
                                source: string | null;
                                /** @enum {string} */
                                status: "new" | "in_progress" | "used" | "archived";
                                tags: string[];
                                text: string;
                                updated_at: string;
                                work_ids: string[];
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Capture an idea (send an Idempotency-Key to make retries safe: a repeat returns the same idea with 200) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        link?: string | null;
                        source?: string | null;
                        tags?: string[];
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            link: string | null;
                            source: string | null;
                            /** @enum {string} */
                            status: "new" | "in_progress" | "used" | "archived";
                            tags: string[];
                            text: string;
                            updated_at: string;
                            work_ids: string[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            link: string | null;
                            source: string | null;
                            /** @enum {string} */
                            status: "new" | "in_progress" | "used" | "archived";
                            tags: string[];
                            text: string;
                            updated_at: string;
                            work_ids: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One idea */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            link: string | null;
                            source: string | null;
                            /** @enum {string} */
                            status: "new" | "in_progress" | "used" | "archived";
                            tags: string[];
                            text: string;
                            updated_at: string;
                            work_ids: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an idea */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit an idea or move its status (new → in_progress → used / archived) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        link?: string | null;
                        source?: string | null;
                        /** @enum {string} */
                        status?: "new" | "in_progress" | "used" | "archived";
                        tags?: string[];
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            link: string | null;
                            source: string | null;
                            /** @enum {string} */
                            status: "new" | "in_progress" | "used" | "archived";
                            tags: string[];
                            text: string;
                            updated_at: string;
                            work_ids: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/ideas/{id}/works/{workId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Link a work made from this idea */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            link: string | null;
                            source: string | null;
                            /** @enum {string} */
                            status: "new" | "in_progress" | "used" | "archived";
                            tags: string[];
                            text: string;
                            updated_at: string;
                            work_ids: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Unlink a work from this idea */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    workId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            link: string | null;
                            source: string | null;
                            /** @enum {string} */
                            status: "new" | "in_progress" | "used" | "archived";
                            tags: string[];
                            text: string;
                            updated_at: string;
                            work_ids: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/illustrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Illustrate an article: pick places, generate, insert */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 576 */
                        height?: number;
                        markdown: string;
                        /** @default 3 */
                        max?: number;
                        provider?: string;
                        style?: string;
                        /** @default 1024 */
                        width?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            illustrations: {
                                /** @description 1-based paragraph the picture follows */
                                after_paragraph: number;
                                alt: string;
                                prompt: string;
                                seed?: number;
                                uri: string;
                            }[];
                            /** @description The article with the pictures inserted */
                            markdown: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/illustrate/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draw one illustration again and swap it in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 576 */
                        height?: number;
                        illustrations: {
                            /** @description 1-based paragraph the picture follows */
                            after_paragraph: number;
                            alt: string;
                            prompt: string;
                            seed?: number;
                            uri: string;
                        }[];
                        index: number;
                        markdown: string;
                        prompt?: string;
                        provider?: string;
                        style?: string;
                        /** @default 1024 */
                        width?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            illustrations: {
                                /** @description 1-based paragraph the picture follows */
                                after_paragraph: number;
                                alt: string;
                                prompt: string;
                                seed?: number;
                                uri: string;
                            }[];
                            /** @description The article with the pictures inserted */
                            markdown: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/images/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate images and store them as assets */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1 */
                        count?: number;
                        /** @default 1024 */
                        height?: number;
                        negative_prompt?: string;
                        prompt: string;
                        provider?: string;
                        seed?: number;
                        /** @default 1024 */
                        width?: number;
                        workflow?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            images: {
                                height: number;
                                id: string;
                                provider: string;
                                seed?: number;
                                uri: string;
                                width: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/images/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Image providers of the workspace (keys masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            providers: {
                                /** @description The end of the key, never the key */
                                api_key_hint: string | null;
                                base_url: string;
                                id: string;
                                is_default: boolean;
                                /** @enum {string} */
                                kind: "comfyui" | "openai" | "siliconflow";
                                model: string | null;
                                name: string;
                                workflow: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add ComfyUI or an OpenAI-compatible images API */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        api_key?: string;
                        /** Format: uri */
                        base_url: string;
                        is_default?: boolean;
                        /** @enum {string} */
                        kind: "comfyui" | "openai" | "siliconflow";
                        model?: string;
                        name: string;
                        workflow?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The end of the key, never the key */
                            api_key_hint: string | null;
                            base_url: string;
                            id: string;
                            is_default: boolean;
                            /** @enum {string} */
                            kind: "comfyui" | "openai" | "siliconflow";
                            model: string | null;
                            name: string;
                            workflow: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/images/providers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an image provider */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a workspace with an invitation token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            role: "owner" | "admin" | "editor" | "viewer";
                            workspace_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Knowledge sources, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                char_count: number;
                                chunk_count: number;
                                created_at: string;
                                id: string;
                                /** @enum {string} */
                                kind: "markdown" | "text" | "html" | "url" | "pdf" | "docx";
                                tags: string[];
                                title: string;
                                url: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Import Markdown/text/HTML (`kind` + `content`) or a web page (`url`, fetched with a timeout and size limit) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        /** @enum {string} */
                        kind: "markdown" | "text" | "html";
                        tags?: string[];
                        title?: string;
                    } | {
                        tags?: string[];
                        title?: string;
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            char_count: number;
                            chunk_count: number;
                            created_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "markdown" | "text" | "html" | "url" | "pdf" | "docx";
                            tags: string[];
                            title: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One source with its full text */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            char_count: number;
                            chunk_count: number;
                            content: string;
                            created_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "markdown" | "text" | "html" | "url" | "pdf" | "docx";
                            tags: string[];
                            title: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a source and its chunks */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/{id}/chunks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chunks of a source with their offsets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                content: string;
                                end: number;
                                heading: string | null;
                                id: string;
                                seq: number;
                                start: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a PDF, DOCX, HTML, Markdown or text file (multipart field `file`) */
        post: {
            parameters: {
                query?: {
                    tags?: string;
                    title?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            char_count: number;
                            chunk_count: number;
                            created_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "markdown" | "text" | "html" | "url" | "pdf" | "docx";
                            tags: string[];
                            title: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/knowledge/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Best knowledge chunks for a query (what the agent tool `knowledge_search` returns) */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    q: string;
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                chunk_id: string;
                                content: string;
                                end: number;
                                heading: string | null;
                                score: number;
                                snippet: string;
                                source_id: string;
                                source_title: string;
                                source_url: string | null;
                                start: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/exchange-rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's exchange rate (costs are US cents; amounts in 元 are converted with it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 元 per US dollar */
                            cny_per_usd: number;
                            /**
                             * @description The currency of every cost_cents in the API
                             * @enum {string}
                             */
                            ledger_currency: "USD";
                            /** @description Null while the default rate is in use */
                            updated_at: string | null;
                        };
                    };
                };
            };
        };
        /** Set the workspace's exchange rate */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cny_per_usd: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 元 per US dollar */
                            cny_per_usd: number;
                            /**
                             * @description The currency of every cost_cents in the API
                             * @enum {string}
                             */
                            ledger_currency: "USD";
                            /** @description Null while the default rate is in use */
                            updated_at: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model groups with members, tiers, weights and member health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            groups: {
                                alias: string;
                                description: string | null;
                                members: {
                                    /** @enum {string} */
                                    circuit: "closed" | "open" | "half_open";
                                    cooling_ms: number;
                                    model: string;
                                    provider: string;
                                    tier: number;
                                    weight: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/groups/{alias}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace a model group */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    alias: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        members: {
                            model: string;
                            provider: string;
                            tier?: number;
                            weight?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alias: string;
                            description: string | null;
                            members: {
                                model: string;
                                provider: string;
                                tier: number;
                                weight: number;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a model group */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    alias: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway keys (never the key itself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                allowed_models: string[];
                                /** @description Lifetime budget in minor units (US cents or 分) of budget_currency */
                                budget_cents: number | null;
                                /** @enum {string} */
                                budget_currency: "USD" | "CNY";
                                created_at: string;
                                expires_at: string | null;
                                id: string;
                                last_used_at: string | null;
                                name: string;
                                prefix: string;
                                revoked_at: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a gateway key (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowed_models?: string[];
                        /** @description In minor units (US cents or 分) of budget_currency; null removes it */
                        budget_cents?: number | null;
                        /**
                         * @default USD
                         * @enum {string}
                         */
                        budget_currency?: "USD" | "CNY";
                        /** Format: date-time */
                        expires_at?: string | null;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[];
                            /** @description Lifetime budget in minor units (US cents or 分) of budget_currency */
                            budget_cents: number | null;
                            /** @enum {string} */
                            budget_currency: "USD" | "CNY";
                            created_at: string;
                            expires_at: string | null;
                            id: string;
                            /** @description The key itself: shown only in this answer */
                            key: string;
                            last_used_at: string | null;
                            name: string;
                            prefix: string;
                            revoked_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a gateway key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed_models: string[];
                            /** @description Lifetime budget in minor units (US cents or 分) of budget_currency */
                            budget_cents: number | null;
                            /** @enum {string} */
                            budget_currency: "USD" | "CNY";
                            created_at: string;
                            expires_at: string | null;
                            id: string;
                            last_used_at: string | null;
                            name: string;
                            prefix: string;
                            revoked_at: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Limits per key, user, workspace and model */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limits: {
                                /** @description Monthly budget in minor units (US cents or 分) of budget_currency */
                                budget_cents: number | null;
                                /** @enum {string} */
                                budget_currency: "USD" | "CNY";
                                concurrency: number | null;
                                rpm: number | null;
                                /** @enum {string} */
                                scope: "key" | "user" | "workspace" | "model";
                                subject: string;
                                tpm: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/limits/{scope}/{subject}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set rpm, tpm, concurrency and monthly budget of a subject */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    scope: "key" | "user" | "workspace" | "model";
                    subject: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description In minor units (US cents or 分) of budget_currency; null removes it */
                        budget_cents?: number | null;
                        /**
                         * @default USD
                         * @enum {string}
                         */
                        budget_currency?: "USD" | "CNY";
                        concurrency?: number | null;
                        rpm?: number | null;
                        tpm?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Monthly budget in minor units (US cents or 分) of budget_currency */
                            budget_cents: number | null;
                            /** @enum {string} */
                            budget_currency: "USD" | "CNY";
                            concurrency: number | null;
                            rpm: number | null;
                            /** @enum {string} */
                            scope: "key" | "user" | "workspace" | "model";
                            subject: string;
                            tpm: number | null;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove limits of a subject */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    scope: "key" | "user" | "workspace" | "model";
                    subject: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model catalog with prices per million tokens, each in the currency it was entered in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            models: {
                                cached_input: number;
                                capabilities: string[];
                                context_window: number;
                                /**
                                 * @description The currency of the prices, as they were entered
                                 * @enum {string}
                                 */
                                currency: "USD" | "CNY";
                                /** @description Price per million input tokens in `currency` */
                                input: number;
                                max_output: number;
                                model: string;
                                /** @description Price per million output tokens in `currency` */
                                output: number;
                                provider: string;
                            }[];
                        };
                    };
                };
            };
        };
        /** Add or edit a model (prices, limits, capabilities) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cached_input?: number;
                        capabilities?: ("chat" | "tools" | "vision" | "json" | "embeddings")[];
                        context_window?: number;
                        /**
                         * @description The currency of input, output and cached_input; a new model defaults to USD
                         * @enum {string}
                         */
                        currency?: "USD" | "CNY";
                        input?: number;
                        max_output?: number;
                        model: string;
                        output?: number;
                        provider: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cached_input: number;
                            capabilities: string[];
                            context_window: number;
                            /**
                             * @description The currency of the prices, as they were entered
                             * @enum {string}
                             */
                            currency: "USD" | "CNY";
                            /** @description Price per million input tokens in `currency` */
                            input: number;
                            max_output: number;
                            model: string;
                            /** @description Price per million output tokens in `currency` */
                            output: number;
                            provider: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a model from the catalog */
        delete: {
            parameters: {
                query: {
                    model: string;
                    provider: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provider presets and their well-known models */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            presets: {
                                base_url: string;
                                default_model?: string;
                                env: string[];
                                id: string;
                                key_optional?: boolean;
                                models: {
                                    cached_input: number;
                                    capabilities: string[];
                                    context_window: number;
                                    /**
                                     * @description The currency of the prices, as they were entered
                                     * @enum {string}
                                     */
                                    currency: "USD" | "CNY";
                                    /** @description Price per million input tokens in `currency` */
                                    input: number;
                                    max_output: number;
                                    model: string;
                                    /** @description Price per million output tokens in `currency` */
                                    output: number;
                                }[];
                                name: string;
                                /** @enum {string} */
                                wire: "openai" | "anthropic";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Providers (API keys masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            providers: {
                                /** @description A masked hint of the key, never the key */
                                api_key: string | null;
                                base_url: string;
                                created_at: string;
                                /** @description What the person called it (any script); the id when they gave none */
                                display_name: string;
                                enabled: boolean;
                                id: string;
                                /** @description Seeded by the server operator: read-only in cloud mode, and no hint of its key is shown */
                                managed: boolean;
                                /** @description The id used in `provider:model` and URLs */
                                name: string;
                                preset: string;
                                /** @enum {string} */
                                wire: "openai" | "anthropic";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a provider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        api_key?: string;
                        /** Format: uri */
                        base_url?: string;
                        /** @description A display name given apart from the id in `name` */
                        display_name?: string;
                        enabled?: boolean;
                        /** @description Any display name ("深度求索-测试"); when it is not an id (letters, digits, . _ -) the id is derived from it */
                        name?: string;
                        preset: string;
                        /** @enum {string} */
                        wire?: "openai" | "anthropic";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A masked hint of the key, never the key */
                            api_key: string | null;
                            base_url: string;
                            /** @description It became the default model group (there was no working one) */
                            became_default: boolean;
                            created_at: string;
                            /** @description What the person called it (any script); the id when they gave none */
                            display_name: string;
                            enabled: boolean;
                            id: string;
                            /** @description Seeded by the server operator: read-only in cloud mode, and no hint of its key is shown */
                            managed: boolean;
                            /** @description The id used in `provider:model` and URLs */
                            name: string;
                            preset: string;
                            /** @enum {string} */
                            wire: "openai" | "anthropic";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/providers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a provider, its models and group members */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a provider */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        api_key?: string | null;
                        /** Format: uri */
                        base_url?: string;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A masked hint of the key, never the key */
                            api_key: string | null;
                            base_url: string;
                            created_at: string;
                            /** @description What the person called it (any script); the id when they gave none */
                            display_name: string;
                            enabled: boolean;
                            id: string;
                            /** @description Seeded by the server operator: read-only in cloud mode, and no hint of its key is shown */
                            managed: boolean;
                            /** @description The id used in `provider:model` and URLs */
                            name: string;
                            preset: string;
                            /** @enum {string} */
                            wire: "openai" | "anthropic";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/llm/providers/{name}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the connection (lists the upstream models) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: string;
                            latency_ms: number;
                            models: string[];
                            ok: boolean;
                            status: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/llm/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage totals grouped by day, model, key, user, provider or group */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    group_by?: string;
                    key_id?: string;
                    to?: string;
                    user_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            usage: {
                                avg_latency_ms: number;
                                cached_input_tokens: number;
                                cost_cents: number;
                                day?: string;
                                errors: number;
                                group?: string;
                                input_tokens: number;
                                key_id?: string | null;
                                model?: string | null;
                                output_tokens: number;
                                provider?: string | null;
                                requests: number;
                                user_id?: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MCP servers of the workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                args: string[];
                                command: string | null;
                                /** @description ISO 8601 time */
                                created_at: string;
                                enabled: boolean;
                                id: string;
                                name: string;
                                /** @enum {string} */
                                transport: "stdio" | "http";
                                url: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add or replace an MCP server (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        args?: string[];
                        command: string;
                        name: string;
                        /** @enum {string} */
                        transport: "stdio";
                    } | {
                        name: string;
                        /** @enum {string} */
                        transport: "http";
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            args: string[];
                            command: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            enabled: boolean;
                            id: string;
                            name: string;
                            /** @enum {string} */
                            transport: "stdio" | "http";
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp-servers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an MCP server (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 我已发布: follow a post published by hand, by its link; its numbers are collected on the same schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        account_id?: string;
                        platform?: string;
                        /** Format: date-time */
                        published_at?: string;
                        tags?: string[];
                        title?: string;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string | null;
                            checkpoint: number;
                            id: string;
                            kind: string | null;
                            last_collected_at: string | null;
                            last_error_code: string | null;
                            last_error_message: string | null;
                            next_collect_at: string | null;
                            platform: string;
                            platform_post_id: string | null;
                            publish_job_id: string | null;
                            published_at: string;
                            /** @enum {string} */
                            source: "publish_job" | "manual";
                            tags: string[];
                            title: string;
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post: numbers over time, 爆款分 with every feature, comments and their sentiment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comments: {
                                author: string | null;
                                body: string;
                                commented_at: string | null;
                                id: string;
                                is_question: boolean;
                                likes: number;
                                /** @enum {string|null} */
                                sentiment: "very_negative" | "negative" | "neutral" | "positive" | "very_positive" | null;
                                /** @enum {string|null} */
                                sentiment_by: "llm" | "lexicon" | null;
                            }[];
                            next_checkpoint: string | null;
                            post: {
                                account_id: string | null;
                                checkpoint: number;
                                id: string;
                                kind: string | null;
                                last_collected_at: string | null;
                                last_error_code: string | null;
                                last_error_message: string | null;
                                next_collect_at: string | null;
                                platform: string;
                                platform_post_id: string | null;
                                publish_job_id: string | null;
                                published_at: string;
                                /** @enum {string} */
                                source: "publish_job" | "manual";
                                tags: string[];
                                title: string;
                                url: string | null;
                            };
                            sentiment: {
                                distribution: {
                                    count: number;
                                    label: string;
                                    /** @enum {string} */
                                    sentiment: "very_negative" | "negative" | "neutral" | "positive" | "very_positive";
                                    share: number;
                                }[];
                                /** @enum {string} */
                                method: "llm" | "lexicon" | "mixed" | "none";
                                questions: {
                                    id: string;
                                    likes: number;
                                    text: string;
                                }[];
                                quotes: {
                                    author: string | null;
                                    label: string;
                                    likes: number;
                                    /** @enum {string} */
                                    sentiment: "very_negative" | "negative" | "neutral" | "positive" | "very_positive";
                                    text: string;
                                }[];
                                total: number;
                            };
                            snapshots: {
                                coins: number | null;
                                collected_at: string;
                                comments: number | null;
                                danmaku: number | null;
                                favorites: number | null;
                                likes: number | null;
                                shares: number | null;
                                source: string;
                                views: number | null;
                            }[];
                            viral_score: {
                                estimate: boolean;
                                features: {
                                    baseline: number | null;
                                    contribution: number;
                                    explanation: string;
                                    /** @enum {string} */
                                    name: "interactions" | "velocity" | "engagement" | "heat";
                                    normalized: number | null;
                                    value: number | null;
                                    weight: number;
                                }[];
                                notes: string[];
                                score: number;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics/posts/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the post's numbers (and comments) now, outside its schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comments: {
                                author: string | null;
                                body: string;
                                commented_at: string | null;
                                id: string;
                                is_question: boolean;
                                likes: number;
                                /** @enum {string|null} */
                                sentiment: "very_negative" | "negative" | "neutral" | "positive" | "very_positive" | null;
                                /** @enum {string|null} */
                                sentiment_by: "llm" | "lexicon" | null;
                            }[];
                            next_checkpoint: string | null;
                            post: {
                                account_id: string | null;
                                checkpoint: number;
                                id: string;
                                kind: string | null;
                                last_collected_at: string | null;
                                last_error_code: string | null;
                                last_error_message: string | null;
                                next_collect_at: string | null;
                                platform: string;
                                platform_post_id: string | null;
                                publish_job_id: string | null;
                                published_at: string;
                                /** @enum {string} */
                                source: "publish_job" | "manual";
                                tags: string[];
                                title: string;
                                url: string | null;
                            };
                            sentiment: {
                                distribution: {
                                    count: number;
                                    label: string;
                                    /** @enum {string} */
                                    sentiment: "very_negative" | "negative" | "neutral" | "positive" | "very_positive";
                                    share: number;
                                }[];
                                /** @enum {string} */
                                method: "llm" | "lexicon" | "mixed" | "none";
                                questions: {
                                    id: string;
                                    likes: number;
                                    text: string;
                                }[];
                                quotes: {
                                    author: string | null;
                                    label: string;
                                    likes: number;
                                    /** @enum {string} */
                                    sentiment: "very_negative" | "negative" | "neutral" | "positive" | "very_positive";
                                    text: string;
                                }[];
                                total: number;
                            };
                            snapshots: {
                                coins: number | null;
                                collected_at: string;
                                comments: number | null;
                                danmaku: number | null;
                                favorites: number | null;
                                likes: number | null;
                                shares: number | null;
                                source: string;
                                views: number | null;
                            }[];
                            viral_score: {
                                estimate: boolean;
                                features: {
                                    baseline: number | null;
                                    contribution: number;
                                    explanation: string;
                                    /** @enum {string} */
                                    name: "interactions" | "velocity" | "engagement" | "heat";
                                    normalized: number | null;
                                    value: number | null;
                                    weight: number;
                                }[];
                                notes: string[];
                                score: number;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics/posts/{id}/questions/{comment_id}/idea": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn an audience question into an idea in 想法库 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    comment_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            idea_id: string;
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** In-app notifications (alert digests, weekly reports), newest first, with the unread count */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    unread_only?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                deliveries: {
                                    attempts: number;
                                    channel_id: string;
                                    channel_name: string;
                                    detail: string | null;
                                    error_code: string | null;
                                    /** @enum {string} */
                                    kind: "feishu" | "dingtalk" | "wecom" | "webhook" | "email";
                                    ok: boolean;
                                }[];
                                id: string;
                                /** @enum {string} */
                                kind: "alert" | "weekly_report" | "bettafish";
                                lines: string[];
                                link: string | null;
                                read_at: string | null;
                                title: string;
                            }[];
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark notifications read (the given ids, or all) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/opinion/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Connect the workspace to a BettaFish server (checked by asking its report status); null disconnects */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            host: string | null;
                            /** @enum {string|null} */
                            source: "server" | "workspace" | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/opinion/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's public-opinion reports, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                error_code: string | null;
                                error_message: string | null;
                                finished_at: string | null;
                                id: string;
                                progress: number;
                                /** @enum {string} */
                                stage: "searching" | "generating" | "completed" | "failed";
                                topic: string;
                                updated_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start a public-opinion report on a topic (BettaFish searches, then writes the report) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        topic: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            error_code: string | null;
                            error_message: string | null;
                            finished_at: string | null;
                            html: string | null;
                            id: string;
                            progress: number;
                            /** @enum {string} */
                            stage: "searching" | "generating" | "completed" | "failed";
                            topic: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/opinion/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report with its progress (asks BettaFish how far it got) and, once finished, its HTML */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            error_code: string | null;
                            error_message: string | null;
                            finished_at: string | null;
                            html: string | null;
                            id: string;
                            progress: number;
                            /** @enum {string} */
                            stage: "searching" | "generating" | "completed" | "failed";
                            topic: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/opinion/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a BettaFish server is connected (BETTAFISH_URL, or the workspace's own) and where */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            host: string | null;
                            /** @enum {string|null} */
                            source: "server" | "workspace" | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/account-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Account groups (by client, niche or person) with their accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            groups: {
                                account_ids: string[];
                                /** @description ISO 8601 time */
                                created_at: string;
                                id: string;
                                /**
                                 * @description What the group stands for: a client, a niche, a person, or something else
                                 * @enum {string}
                                 */
                                kind: "client" | "niche" | "person" | "other";
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an account group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        account_ids?: string[];
                        /**
                         * @description What the group stands for: a client, a niche, a person, or something else
                         * @default client
                         * @enum {string}
                         */
                        kind?: "client" | "niche" | "person" | "other";
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_ids: string[];
                            /** @description ISO 8601 time */
                            created_at: string;
                            id: string;
                            /**
                             * @description What the group stands for: a client, a niche, a person, or something else
                             * @enum {string}
                             */
                            kind: "client" | "niche" | "person" | "other";
                            name: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/account-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rename a group, change its kind or its accounts */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        account_ids?: string[];
                        /**
                         * @description What the group stands for: a client, a niche, a person, or something else
                         * @default client
                         * @enum {string}
                         */
                        kind?: "client" | "niche" | "person" | "other";
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_ids: string[];
                            /** @description ISO 8601 time */
                            created_at: string;
                            id: string;
                            /**
                             * @description What the group stands for: a client, a niche, a person, or something else
                             * @enum {string}
                             */
                            kind: "client" | "niche" | "person" | "other";
                            name: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a group (its accounts stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts of the workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                avatar_url: string | null;
                                /** @description ISO 8601 time */
                                created_at: string;
                                /** @enum {string} */
                                credential_mode: "local" | "sync" | "oauth";
                                has_credentials?: boolean;
                                id: string;
                                /** @description ISO 8601 time */
                                login_checked_at: string | null;
                                /** @enum {string} */
                                login_status: "unknown" | "logged_in" | "expired" | "error";
                                /** @description The order this account tries publish methods (its own or the platform default) */
                                methods?: ("official_api" | "browser" | "assist")[];
                                name: string;
                                nickname: string | null;
                                /** @description The OAuth grant (授权登录) for platforms with an official API; null otherwise */
                                oauth?: {
                                    connected: boolean;
                                    connected_at: string | null;
                                    /** @description When the access token expires (it is refreshed before) */
                                    expires_at: string | null;
                                    /** @description The platform's id of the authorising user */
                                    open_id: string | null;
                                    /** @description When the refresh token expires: after that only a new 授权登录 helps */
                                    refresh_expires_at: string | null;
                                    revoked_at: string | null;
                                    /** @description Last refresh (the refresh token was replaced) */
                                    rotated_at: string | null;
                                    scope: string | null;
                                } | null;
                                platform: string;
                                /** @description Account settings; secrets are never here */
                                settings: {
                                    api_base_url?: string;
                                    /** @description 公众号 AppID (not a secret) */
                                    app_id?: string;
                                    author?: string;
                                    /** @description A different site address for the browser (replicas, proxies) */
                                    base_url?: string;
                                    /** @description 微博: the link on the app's 安全域名 statuses/share requires in each post */
                                    share_url?: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a platform account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        api_base_url?: string;
                        app_id?: string;
                        app_secret?: string;
                        /** Format: uri */
                        base_url?: string;
                        /**
                         * @default local
                         * @enum {string}
                         */
                        credential_mode?: "local" | "sync" | "oauth";
                        name: string;
                        platform: string;
                        /** Format: uri */
                        share_url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar_url: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            /** @enum {string} */
                            credential_mode: "local" | "sync" | "oauth";
                            has_credentials?: boolean;
                            id: string;
                            /** @description ISO 8601 time */
                            login_checked_at: string | null;
                            /** @enum {string} */
                            login_status: "unknown" | "logged_in" | "expired" | "error";
                            /** @description The order this account tries publish methods (its own or the platform default) */
                            methods?: ("official_api" | "browser" | "assist")[];
                            name: string;
                            nickname: string | null;
                            /** @description The OAuth grant (授权登录) for platforms with an official API; null otherwise */
                            oauth?: {
                                connected: boolean;
                                connected_at: string | null;
                                /** @description When the access token expires (it is refreshed before) */
                                expires_at: string | null;
                                /** @description The platform's id of the authorising user */
                                open_id: string | null;
                                /** @description When the refresh token expires: after that only a new 授权登录 helps */
                                refresh_expires_at: string | null;
                                revoked_at: string | null;
                                /** @description Last refresh (the refresh token was replaced) */
                                rotated_at: string | null;
                                scope: string | null;
                            } | null;
                            platform: string;
                            /** @description Account settings; secrets are never here */
                            settings: {
                                api_base_url?: string;
                                /** @description 公众号 AppID (not a secret) */
                                app_id?: string;
                                author?: string;
                                /** @description A different site address for the browser (replicas, proxies) */
                                base_url?: string;
                                /** @description 微博: the link on the app's 安全域名 statuses/share requires in each post */
                                share_url?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar_url: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            /** @enum {string} */
                            credential_mode: "local" | "sync" | "oauth";
                            has_credentials?: boolean;
                            id: string;
                            /** @description ISO 8601 time */
                            login_checked_at: string | null;
                            /** @enum {string} */
                            login_status: "unknown" | "logged_in" | "expired" | "error";
                            /** @description The order this account tries publish methods (its own or the platform default) */
                            methods?: ("official_api" | "browser" | "assist")[];
                            name: string;
                            nickname: string | null;
                            /** @description The OAuth grant (授权登录) for platforms with an official API; null otherwise */
                            oauth?: {
                                connected: boolean;
                                connected_at: string | null;
                                /** @description When the access token expires (it is refreshed before) */
                                expires_at: string | null;
                                /** @description The platform's id of the authorising user */
                                open_id: string | null;
                                /** @description When the refresh token expires: after that only a new 授权登录 helps */
                                refresh_expires_at: string | null;
                                revoked_at: string | null;
                                /** @description Last refresh (the refresh token was replaced) */
                                rotated_at: string | null;
                                scope: string | null;
                            } | null;
                            platform: string;
                            /** @description Account settings; secrets are never here */
                            settings: {
                                api_base_url?: string;
                                /** @description 公众号 AppID (not a secret) */
                                app_id?: string;
                                author?: string;
                                /** @description A different site address for the browser (replicas, proxies) */
                                base_url?: string;
                                /** @description 微博: the link on the app's 安全域名 statuses/share requires in each post */
                                share_url?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an account and its credentials */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the login of an account now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            avatar_url: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            /** @enum {string} */
                            credential_mode: "local" | "sync" | "oauth";
                            has_credentials?: boolean;
                            id: string;
                            logged_in: boolean;
                            /** @description ISO 8601 time */
                            login_checked_at: string | null;
                            /** @enum {string} */
                            login_status: "unknown" | "logged_in" | "expired" | "error";
                            /** @description The order this account tries publish methods (its own or the platform default) */
                            methods?: ("official_api" | "browser" | "assist")[];
                            name: string;
                            nickname: string | null;
                            /** @description The OAuth grant (授权登录) for platforms with an official API; null otherwise */
                            oauth?: {
                                connected: boolean;
                                connected_at: string | null;
                                /** @description When the access token expires (it is refreshed before) */
                                expires_at: string | null;
                                /** @description The platform's id of the authorising user */
                                open_id: string | null;
                                /** @description When the refresh token expires: after that only a new 授权登录 helps */
                                refresh_expires_at: string | null;
                                revoked_at: string | null;
                                /** @description Last refresh (the refresh token was replaced) */
                                rotated_at: string | null;
                                scope: string | null;
                            } | null;
                            platform: string;
                            reason: string | null;
                            /** @description Account settings; secrets are never here */
                            settings: {
                                api_base_url?: string;
                                /** @description 公众号 AppID (not a secret) */
                                app_id?: string;
                                author?: string;
                                /** @description A different site address for the browser (replicas, proxies) */
                                base_url?: string;
                                /** @description 微博: the link on the app's 安全域名 statuses/share requires in each post */
                                share_url?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/cookies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in by pasting the session cookies */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cookies: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Cookies stored */
                            cookies: number;
                            /** @enum {boolean} */
                            stored: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/daily-cap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the account's daily cap of posts (null removes it) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        daily_cap: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            daily_cap: number | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/deep-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deep check: open the editor with the saved login and verify every step of the flow, publishing nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Content kind whose flow is checked (default: the first non-video kind)
                         * @enum {string}
                         */
                        kind?: "article" | "image_note" | "video" | "short_post";
                        /**
                         * Format: starts_with
                         * @description A video of the library to upload as the sample (video flows check the steps after the upload only with one; nothing is published)
                         */
                        video_uri?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            account_id: string;
                            /** @description Date the flow’s selectors were last checked against their sources */
                            checked: string;
                            checked_at: string;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            /** @description The step that no longer matches the page, in words */
                            failed_step: string | null;
                            /** @description Version of the flow file checked */
                            flow_version: number;
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            logged_in: boolean;
                            /**
                             * @description expired: only a new login helps; unknown: the page matched neither a login nor a logged-in page
                             * @enum {string}
                             */
                            login_state: "logged_in" | "expired" | "unknown";
                            nickname: string | null;
                            ok: boolean;
                            platform: string;
                            /** @description The page as the check left it (only when a step failed) */
                            screenshot_url: string | null;
                            steps: {
                                do: string;
                                index: number;
                                name: string;
                                note: string | null;
                                selector: string | null;
                                /** @enum {string} */
                                status: "ok" | "failed" | "skipped" | "unchecked";
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/deep-check/screenshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page as the latest failed deep check of the account left it (PNG) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The PNG */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an interactive login: a browser window on the local desktop when there is one, and the QR code as an image for the web UI */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        headed?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            error: string | null;
                            id: string;
                            nickname: string | null;
                            /** @description The platform's QR code as a PNG data URL, once the login page shows one */
                            qr_image: string | null;
                            /** @enum {string} */
                            status: "waiting" | "logged_in" | "failed";
                            /** @description A browser window was opened on the server's desktop */
                            window: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/login/{sid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State of an interactive login */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    sid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            error: string | null;
                            id: string;
                            nickname: string | null;
                            /** @description The platform's QR code as a PNG data URL, once the login page shows one */
                            qr_image: string | null;
                            /** @enum {string} */
                            status: "waiting" | "logged_in" | "failed";
                            /** @description A browser window was opened on the server's desktop */
                            window: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who may use this account (empty: every editor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_ids: string[];
                        };
                    };
                };
            };
        };
        /** Give the account to exactly these members (owners and admins always may); an empty list opens it to every editor */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        user_ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user_ids: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The account's publish method order (发布方式); assist is always tried last */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description null = the platform default */
                        methods: ("official_api" | "browser" | "assist")[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            methods: ("official_api" | "browser" | "assist")[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/oauth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OAuth grant of an account (授权状态): connected, expiry, last rotation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connected: boolean;
                            connected_at: string | null;
                            /** @description When the access token expires (it is refreshed before) */
                            expires_at: string | null;
                            /** @description The platform's id of the authorising user */
                            open_id: string | null;
                            /** @description When the refresh token expires: after that only a new 授权登录 helps */
                            refresh_expires_at: string | null;
                            revoked_at: string | null;
                            /** @description Last refresh (the refresh token was replaced) */
                            rotated_at: string | null;
                            scope: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Revoke the grant: at the platform where it has an endpoint, and the tokens are deleted here */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            oauth: {
                                connected: boolean;
                                connected_at: string | null;
                                /** @description When the access token expires (it is refreshed before) */
                                expires_at: string | null;
                                /** @description The platform's id of the authorising user */
                                open_id: string | null;
                                /** @description When the refresh token expires: after that only a new 授权登录 helps */
                                refresh_expires_at: string | null;
                                revoked_at: string | null;
                                /** @description Last refresh (the refresh token was replaced) */
                                rotated_at: string | null;
                                scope: string | null;
                            };
                            /** @description The platform confirmed the revocation (some have no endpoint) */
                            platform_revoked: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start 授权登录: the platform's consent page URL for this account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The open-platform app's id (client_id / client_key / app_id); stored in the vault */
                        client_id?: string;
                        client_secret?: string;
                        /**
                         * Format: uri
                         * @description Defaults to this server's /api/publish/oauth/callback; it must match the app's registered callback
                         */
                        redirect_uri?: string;
                        /** @description Where the browser goes after the callback (a path here, never another site) */
                        return_to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorize_url: string;
                            expires_at: string;
                            redirect_uri: string;
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/{id}/oauth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refresh the access token now; the refresh token is used once and replaced */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connected: boolean;
                            connected_at: string | null;
                            /** @description When the access token expires (it is refreshed before) */
                            expires_at: string | null;
                            /** @description The platform's id of the authorising user */
                            open_id: string | null;
                            /** @description When the refresh token expires: after that only a new 授权登录 helps */
                            refresh_expires_at: string | null;
                            revoked_at: string | null;
                            /** @description Last refresh (the refresh token was replaced) */
                            rotated_at: string | null;
                            scope: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/accounts/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each account at a glance: login, last success, breaker, today's posts against its cap, followers, groups, whether you may publish with it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                account_id: string;
                                /**
                                 * @description The platform's browser circuit breaker
                                 * @enum {string}
                                 */
                                breaker: "closed" | "open" | "half_open" | "isolated";
                                /** @description The account's daily cap, null when none is set */
                                daily_cap: number | null;
                                /** @description The latest follower count the metrics collected */
                                followers: number | null;
                                /** @description ISO 8601 time */
                                followers_at: string | null;
                                group_ids: string[];
                                /** @description When a job of this account last published */
                                last_success_at: string | null;
                                /** @description ISO 8601 time */
                                login_checked_at: string | null;
                                /** @enum {string} */
                                login_status: "unknown" | "logged_in" | "expired" | "error";
                                /** @description Whether the caller may publish with this account */
                                may_publish: boolean;
                                /** @description Only these members (and owners/admins) may use the account; empty: every editor */
                                member_ids: string[];
                                /** @description Jobs published today (China time) */
                                posts_today: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/assist-files/{job_id}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file of an assist bundle (or bundle.zip) by its signed link from GET /api/publish/jobs/:id/assist */
        get: {
            parameters: {
                query: {
                    download?: "1";
                    exp: number;
                    sig: string;
                };
                header?: never;
                path: {
                    job_id: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                        "application/zip": string;
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                        "video/mp4": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/attempts/{id}/screenshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Screenshot taken when an attempt failed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The PNG */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browser service and circuit breakers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Circuit breaker state per platform */
                            breakers: {
                                [key: string]: "closed" | "open" | "half_open" | "isolated";
                            };
                            browser: {
                                active_jobs: number;
                                browser_connected: boolean;
                                crashes: number;
                                ok: boolean;
                                waiting: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Publish jobs, newest first (a page: ?limit=&cursor=, next_cursor) */
        get: {
            parameters: {
                query?: {
                    batch_id?: string;
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                account_id: string;
                                action: ({
                                    account_id: string;
                                    message: string;
                                    platform: string;
                                    /** @enum {string} */
                                    type: "login";
                                } | {
                                    message: string;
                                    /** @enum {string} */
                                    type: "unlock_vault";
                                } | {
                                    message: string;
                                    /** @description ISO 8601 time */
                                    scheduled_for: string;
                                    /** @enum {string} */
                                    type: "confirm_late";
                                } | {
                                    message: string;
                                    /** @enum {string} */
                                    type: "check_possible_post";
                                } | {
                                    checklist: string[];
                                    cover: {
                                        name: string;
                                        path: string;
                                    } | null;
                                    /** @description In the order they must be added */
                                    images: {
                                        name: string;
                                        order: number;
                                        path: string;
                                    }[];
                                    message: string;
                                    platform: string;
                                    platform_name: string;
                                    publish_page_url: string;
                                    reason: string;
                                    /** @description Text to paste, ready for this platform */
                                    text: {
                                        body: string;
                                        tags: string;
                                        title: string;
                                    };
                                    /** @enum {string} */
                                    type: "assist";
                                    video: {
                                        name: string;
                                        path: string;
                                    } | null;
                                }) | null;
                                attempt_count: number;
                                batch_id: string | null;
                                /** @description ISO 8601 time */
                                created_at: string;
                                error_code: string | null;
                                error_message: string | null;
                                /** @description ISO 8601 time */
                                finished_at: string | null;
                                id: string;
                                /** @enum {string} */
                                kind: "article" | "image_note" | "video" | "short_post";
                                /** @enum {string} */
                                late_policy: "run" | "ask";
                                max_attempts: number;
                                methods: ("official_api" | "browser" | "assist")[];
                                platform: string;
                                result_post_id: string | null;
                                result_url: string | null;
                                /** @description ISO 8601 time */
                                run_at: string;
                                /** @description ISO 8601 time */
                                started_at: string | null;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                title: string;
                                work_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Publish works to accounts now, at a time, or as a spaced batch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at?: string;
                        /** @default true */
                        auto_cover?: boolean;
                        carousel_theme?: string;
                        content?: {
                            body: string;
                            cover?: {
                                content_type: string;
                                name: string;
                                path: string;
                            };
                            /** @default [] */
                            images?: {
                                content_type: string;
                                name: string;
                                path: string;
                            }[];
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            /** @default [] */
                            tags?: string[];
                            /** @default  */
                            title?: string;
                            video?: {
                                content_type: string;
                                name: string;
                                path: string;
                            };
                        };
                        jitter_seconds?: number;
                        /**
                         * @default run
                         * @enum {string}
                         */
                        late_policy?: "run" | "ask";
                        methods?: ("official_api" | "browser" | "assist")[];
                        spacing_seconds?: number;
                        to: string[];
                        /** @default {} */
                        versions?: {
                            [key: string]: {
                                body?: string;
                                /** Format: starts_with */
                                cover_uri?: string;
                                tags?: string[];
                                title?: string;
                                /** Format: starts_with */
                                video_uri?: string;
                            };
                        };
                        work_id?: string;
                        works?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs: {
                                account_id: string;
                                action: ({
                                    account_id: string;
                                    message: string;
                                    platform: string;
                                    /** @enum {string} */
                                    type: "login";
                                } | {
                                    message: string;
                                    /** @enum {string} */
                                    type: "unlock_vault";
                                } | {
                                    message: string;
                                    /** @description ISO 8601 time */
                                    scheduled_for: string;
                                    /** @enum {string} */
                                    type: "confirm_late";
                                } | {
                                    message: string;
                                    /** @enum {string} */
                                    type: "check_possible_post";
                                } | {
                                    checklist: string[];
                                    cover: {
                                        name: string;
                                        path: string;
                                    } | null;
                                    /** @description In the order they must be added */
                                    images: {
                                        name: string;
                                        order: number;
                                        path: string;
                                    }[];
                                    message: string;
                                    platform: string;
                                    platform_name: string;
                                    publish_page_url: string;
                                    reason: string;
                                    /** @description Text to paste, ready for this platform */
                                    text: {
                                        body: string;
                                        tags: string;
                                        title: string;
                                    };
                                    /** @enum {string} */
                                    type: "assist";
                                    video: {
                                        name: string;
                                        path: string;
                                    } | null;
                                }) | null;
                                attempt_count: number;
                                batch_id: string | null;
                                /** @description ISO 8601 time */
                                created_at: string;
                                error_code: string | null;
                                error_message: string | null;
                                /** @description ISO 8601 time */
                                finished_at: string | null;
                                id: string;
                                /** @enum {string} */
                                kind: "article" | "image_note" | "video" | "short_post";
                                /** @enum {string} */
                                late_policy: "run" | "ask";
                                max_attempts: number;
                                methods: ("official_api" | "browser" | "assist")[];
                                platform: string;
                                result_post_id: string | null;
                                result_url: string | null;
                                /** @description ISO 8601 time */
                                run_at: string;
                                /** @description ISO 8601 time */
                                started_at: string | null;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                title: string;
                                work_id: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job with its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            action: ({
                                account_id: string;
                                message: string;
                                platform: string;
                                /** @enum {string} */
                                type: "login";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "unlock_vault";
                            } | {
                                message: string;
                                /** @description ISO 8601 time */
                                scheduled_for: string;
                                /** @enum {string} */
                                type: "confirm_late";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "check_possible_post";
                            } | {
                                checklist: string[];
                                cover: {
                                    name: string;
                                    path: string;
                                } | null;
                                /** @description In the order they must be added */
                                images: {
                                    name: string;
                                    order: number;
                                    path: string;
                                }[];
                                message: string;
                                platform: string;
                                platform_name: string;
                                publish_page_url: string;
                                reason: string;
                                /** @description Text to paste, ready for this platform */
                                text: {
                                    body: string;
                                    tags: string;
                                    title: string;
                                };
                                /** @enum {string} */
                                type: "assist";
                                video: {
                                    name: string;
                                    path: string;
                                } | null;
                            }) | null;
                            attempt_count: number;
                            attempts: {
                                duration_ms: number | null;
                                error_code: string | null;
                                error_message: string | null;
                                /** @description ISO 8601 time */
                                finished_at: string | null;
                                id: string;
                                /** @enum {string} */
                                method: "official_api" | "browser" | "assist";
                                number: number;
                                result_post_id: string | null;
                                result_url: string | null;
                                retryable: boolean | null;
                                /** @description GET it for the PNG taken when the attempt failed */
                                screenshot_url: string | null;
                                /** @description ISO 8601 time */
                                started_at: string;
                                /** @enum {string} */
                                status: "running" | "submitting" | "succeeded" | "failed" | "needs_action" | "reconciled";
                                /** @description ISO 8601 time */
                                submitted_at: string | null;
                            }[];
                            batch_id: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error_code: string | null;
                            error_message: string | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            /** @enum {string} */
                            late_policy: "run" | "ask";
                            max_attempts: number;
                            methods: ("official_api" | "browser" | "assist")[];
                            platform: string;
                            result_post_id: string | null;
                            result_url: string | null;
                            /** @description ISO 8601 time */
                            run_at: string;
                            /** @description ISO 8601 time */
                            started_at: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                            title: string;
                            work_id: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs/{id}/assist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assist bundle of a job waiting to be published by hand */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rich HTML that pastes formatted; images by signed URL */
                            body_html: string;
                            body_text: string;
                            checklist: string[];
                            /** @description The platform's own editor for this kind of post */
                            editor_url: string;
                            files: {
                                content_type: string;
                                /** @description The same file as a download */
                                download_url: string;
                                name: string;
                                /** @description 1-based order of an image; 0 for the cover and the video */
                                order: number;
                                /** @enum {string} */
                                role: "cover" | "image" | "video";
                                /** @description Bytes; null when the file is no longer on this server */
                                size: number | null;
                                /** @description Loads the file (signed, works in <img> and in a pasted editor) */
                                url: string;
                            }[];
                            job_id: string;
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            message: string;
                            platform: string;
                            platform_name: string;
                            reason: string;
                            status: string;
                            tags: string[];
                            /** @description Tags as the platform writes them (#话题) */
                            tags_text: string;
                            title: string;
                            /** @description Every file and the texts in one zip */
                            zip_url: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            action: ({
                                account_id: string;
                                message: string;
                                platform: string;
                                /** @enum {string} */
                                type: "login";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "unlock_vault";
                            } | {
                                message: string;
                                /** @description ISO 8601 time */
                                scheduled_for: string;
                                /** @enum {string} */
                                type: "confirm_late";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "check_possible_post";
                            } | {
                                checklist: string[];
                                cover: {
                                    name: string;
                                    path: string;
                                } | null;
                                /** @description In the order they must be added */
                                images: {
                                    name: string;
                                    order: number;
                                    path: string;
                                }[];
                                message: string;
                                platform: string;
                                platform_name: string;
                                publish_page_url: string;
                                reason: string;
                                /** @description Text to paste, ready for this platform */
                                text: {
                                    body: string;
                                    tags: string;
                                    title: string;
                                };
                                /** @enum {string} */
                                type: "assist";
                                video: {
                                    name: string;
                                    path: string;
                                } | null;
                            }) | null;
                            attempt_count: number;
                            batch_id: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error_code: string | null;
                            error_message: string | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            /** @enum {string} */
                            late_policy: "run" | "ask";
                            max_attempts: number;
                            methods: ("official_api" | "browser" | "assist")[];
                            platform: string;
                            result_post_id: string | null;
                            result_url: string | null;
                            /** @description ISO 8601 time */
                            run_at: string;
                            /** @description ISO 8601 time */
                            started_at: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                            title: string;
                            work_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assist 我已发布: the link of the post; the job becomes published and its metrics are collected from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            action: ({
                                account_id: string;
                                message: string;
                                platform: string;
                                /** @enum {string} */
                                type: "login";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "unlock_vault";
                            } | {
                                message: string;
                                /** @description ISO 8601 time */
                                scheduled_for: string;
                                /** @enum {string} */
                                type: "confirm_late";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "check_possible_post";
                            } | {
                                checklist: string[];
                                cover: {
                                    name: string;
                                    path: string;
                                } | null;
                                /** @description In the order they must be added */
                                images: {
                                    name: string;
                                    order: number;
                                    path: string;
                                }[];
                                message: string;
                                platform: string;
                                platform_name: string;
                                publish_page_url: string;
                                reason: string;
                                /** @description Text to paste, ready for this platform */
                                text: {
                                    body: string;
                                    tags: string;
                                    title: string;
                                };
                                /** @enum {string} */
                                type: "assist";
                                video: {
                                    name: string;
                                    path: string;
                                } | null;
                            }) | null;
                            attempt_count: number;
                            batch_id: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error_code: string | null;
                            error_message: string | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            /** @enum {string} */
                            late_policy: "run" | "ask";
                            max_attempts: number;
                            methods: ("official_api" | "browser" | "assist")[];
                            platform: string;
                            result_post_id: string | null;
                            result_url: string | null;
                            /** @description ISO 8601 time */
                            run_at: string;
                            /** @description ISO 8601 time */
                            started_at: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                            title: string;
                            work_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress events of a job (JSON, or SSE with Accept: text/event-stream) */
        get: {
            parameters: {
                query?: {
                    after?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The events so far; with Accept: text/event-stream the same events as SSE, then live ones */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                /** @description ISO 8601 time */
                                created_at: string;
                                /** @description The event's details (snake_case keys) */
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                type: string;
                            }[];
                        };
                        "text/event-stream": {
                            events: {
                                /** @description ISO 8601 time */
                                created_at: string;
                                /** @description The event's details (snake_case keys) */
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                type: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a job that has not run to another time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            action: ({
                                account_id: string;
                                message: string;
                                platform: string;
                                /** @enum {string} */
                                type: "login";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "unlock_vault";
                            } | {
                                message: string;
                                /** @description ISO 8601 time */
                                scheduled_for: string;
                                /** @enum {string} */
                                type: "confirm_late";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "check_possible_post";
                            } | {
                                checklist: string[];
                                cover: {
                                    name: string;
                                    path: string;
                                } | null;
                                /** @description In the order they must be added */
                                images: {
                                    name: string;
                                    order: number;
                                    path: string;
                                }[];
                                message: string;
                                platform: string;
                                platform_name: string;
                                publish_page_url: string;
                                reason: string;
                                /** @description Text to paste, ready for this platform */
                                text: {
                                    body: string;
                                    tags: string;
                                    title: string;
                                };
                                /** @enum {string} */
                                type: "assist";
                                video: {
                                    name: string;
                                    path: string;
                                } | null;
                            }) | null;
                            attempt_count: number;
                            batch_id: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error_code: string | null;
                            error_message: string | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            /** @enum {string} */
                            late_policy: "run" | "ask";
                            max_attempts: number;
                            methods: ("official_api" | "browser" | "assist")[];
                            platform: string;
                            result_post_id: string | null;
                            result_url: string | null;
                            /** @description ISO 8601 time */
                            run_at: string;
                            /** @description ISO 8601 time */
                            started_at: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                            title: string;
                            work_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a failed, cancelled or waiting job again now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            action: ({
                                account_id: string;
                                message: string;
                                platform: string;
                                /** @enum {string} */
                                type: "login";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "unlock_vault";
                            } | {
                                message: string;
                                /** @description ISO 8601 time */
                                scheduled_for: string;
                                /** @enum {string} */
                                type: "confirm_late";
                            } | {
                                message: string;
                                /** @enum {string} */
                                type: "check_possible_post";
                            } | {
                                checklist: string[];
                                cover: {
                                    name: string;
                                    path: string;
                                } | null;
                                /** @description In the order they must be added */
                                images: {
                                    name: string;
                                    order: number;
                                    path: string;
                                }[];
                                message: string;
                                platform: string;
                                platform_name: string;
                                publish_page_url: string;
                                reason: string;
                                /** @description Text to paste, ready for this platform */
                                text: {
                                    body: string;
                                    tags: string;
                                    title: string;
                                };
                                /** @enum {string} */
                                type: "assist";
                                video: {
                                    name: string;
                                    path: string;
                                } | null;
                            }) | null;
                            attempt_count: number;
                            batch_id: string | null;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error_code: string | null;
                            error_message: string | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            id: string;
                            /** @enum {string} */
                            kind: "article" | "image_note" | "video" | "short_post";
                            /** @enum {string} */
                            late_policy: "run" | "ask";
                            max_attempts: number;
                            methods: ("official_api" | "browser" | "assist")[];
                            platform: string;
                            result_post_id: string | null;
                            result_url: string | null;
                            /** @description ISO 8601 time */
                            run_at: string;
                            /** @description ISO 8601 time */
                            started_at: string | null;
                            /** @enum {string} */
                            status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                            title: string;
                            work_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platforms' OAuth callback: exchanges the code and sends the browser back to 发布中心 */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    error?: string;
                    error_code?: string;
                    error_description?: string;
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A redirect to 发布中心 with the outcome (oauth=connected or oauth=failed&code=…) */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Platforms, their content kinds, limits and methods */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            platforms: {
                                id: string;
                                kinds: ("article" | "image_note" | "video" | "short_post")[];
                                limits: {
                                    body_max: number | null;
                                    images_max: number | null;
                                    images_min: number | null;
                                    /** @description Post metrics can be read back */
                                    metrics: boolean;
                                    /** @description The platform itself can schedule a post for later */
                                    scheduling: boolean;
                                    tags_max: number | null;
                                    title_max: number | null;
                                    title_min: number | null;
                                    video_max_seconds: number | null;
                                };
                                login_url: string | null;
                                /** @description In the order they are tried; assist is last */
                                methods: ("official_api" | "browser" | "assist")[];
                                /** @description zh-CN display name */
                                name: string;
                                name_en: string;
                                /** @description The official API publishes with an OAuth grant (授权登录) */
                                oauth?: boolean;
                                /** @description Where a person publishes by hand (assist) */
                                publish_page_url: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/vault": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vault status (initialized, unlocked, KDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What happens when the master password is forgotten */
                            forgotten_password: string;
                            initialized: boolean;
                            iterations?: number;
                            kdf?: string;
                            /** @description The key is held by this process */
                            unlocked: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/vault/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the master password (re-encrypts every local credential) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        new_password: string;
                        old_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            changed: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/vault/init": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the master password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            initialized: true;
                            /** @enum {boolean} */
                            unlocked: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/vault/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget the vault key in this process */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unlocked: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/vault/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forgotten master password: delete every credential and the vault */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confirm: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Credentials deleted */
                            deleted: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/vault/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock the vault in this process */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unlocked: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/vault/wipe-cloud": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete every cloud copy of every credential of the workspace */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Credentials deleted */
                            deleted: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publish/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What each platform will get from a work (the run's version or the work formatted), with the limits the dialog checks live */
        get: {
            parameters: {
                query: {
                    /** @description comma-separated platform ids or aliases */
                    platforms: string;
                    work_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                body: string;
                                /** @enum {string} */
                                body_format: "html" | "text" | "markdown";
                                condensed: boolean;
                                cover_uri: string | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                /** @enum {string|null} */
                                kind: "article" | "image_note" | "video" | "short_post" | null;
                                limits: {
                                    body_max: number | null;
                                    /** @enum {string} */
                                    counting: "chars" | "weibo";
                                    images_max: number | null;
                                    tag_format: string | null;
                                    /** @enum {string|null} */
                                    tag_placement: "inline" | "field" | null;
                                    tags_max: number | null;
                                    title_max: number | null;
                                    title_min: number | null;
                                    title_required: boolean;
                                };
                                /** @enum {string|null} */
                                mode: "direct" | "carousel" | "post" | "video" | null;
                                name: string;
                                name_en: string;
                                needs_video: boolean;
                                platform: string;
                                run_id: string | null;
                                /** @enum {string} */
                                source: "edited" | "run" | "work";
                                tags: string[];
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Runs of the workspace, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    graph?: string;
                    limit?: number;
                    status?: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Held before its first node until the user confirms (POST /api/runs/:id/confirm) */
                                awaiting_confirmation: boolean;
                                budget: {
                                    [key: string]: number;
                                } | null;
                                cancel_requested: boolean;
                                /** @description ISO 8601 time */
                                created_at: string;
                                error: {
                                    code: string;
                                    message: string;
                                    node?: string;
                                } | null;
                                /** @description ISO 8601 time */
                                finished_at: string | null;
                                graph: string;
                                graph_version: number | null;
                                id: string;
                                last_seq: number;
                                /** @description What the graph returned; null until it completes */
                                output: {
                                    [key: string]: unknown;
                                } | null;
                                route: {
                                    /** @description ISO 8601 time */
                                    confirmed_at: string | null;
                                    /** @description The reasons as codes with parameters */
                                    factors: {
                                        /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                        code: string;
                                        params: {
                                            [key: string]: string | number;
                                        };
                                    }[];
                                    /** @description What the router decided on; null for runs routed before it was recorded */
                                    inputs: {
                                        budget_cents: number | null;
                                        /** @enum {string} */
                                        client: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                                        cloud_available: boolean;
                                        cloud_queue_length: number | null;
                                        cloud_queue_wait_seconds: number | null;
                                        critical_tools: string[];
                                        estimated_cost_cents: number | null;
                                        local_available: boolean;
                                        /** @enum {string} */
                                        risk: "normal" | "critical";
                                        tools_missing_in_cloud: string[];
                                        tools_missing_locally: string[];
                                        user_active_runs: number | null;
                                        user_concurrency: number | null;
                                    } | null;
                                    /** @description The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget) */
                                    needs_confirmation: boolean;
                                    reasons: string[];
                                    /** @enum {string} */
                                    target: "local" | "cloud";
                                    warning_factors: {
                                        /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                        code: string;
                                        params: {
                                            [key: string]: string | number;
                                        };
                                    }[];
                                    warnings: string[];
                                } | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                                /** @description The topic or other main text input, shortened; null when it took no text */
                                subject: string | null;
                                trace_id: string;
                                /** @description ISO 8601 time */
                                updated_at: string;
                                usage: {
                                    cost_cents?: number;
                                    llm_calls?: number;
                                    steps?: number;
                                    tokens?: number;
                                } | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start a run (queued; follow it with /events) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        budget?: {
                            /**
                             * @description The currency of max_cost_cents; 元 are converted with the workspace's exchange rate
                             * @default USD
                             * @enum {string}
                             */
                            currency?: "USD" | "CNY";
                            /** @description In minor units (US cents or 分) of `currency` */
                            max_cost_cents?: number;
                            max_steps?: number;
                            max_tokens?: number;
                            max_wall_seconds?: number;
                        };
                        /** @enum {string} */
                        client?: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                        graph?: string;
                        /** @default {} */
                        inputs?: {
                            [key: string]: unknown;
                        };
                        source?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description The run an earlier request with this Idempotency-Key started */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Held before its first node until the user confirms (POST /api/runs/:id/confirm) */
                            awaiting_confirmation: boolean;
                            budget: {
                                [key: string]: number;
                            } | null;
                            cancel_requested: boolean;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error: {
                                code: string;
                                message: string;
                                node?: string;
                            } | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            graph: string;
                            graph_version: number | null;
                            id: string;
                            inputs: {
                                [key: string]: unknown;
                            };
                            last_seq: number;
                            /** @description What the graph returned; null until it completes */
                            output: {
                                [key: string]: unknown;
                            } | null;
                            route: {
                                /** @description ISO 8601 time */
                                confirmed_at: string | null;
                                /** @description The reasons as codes with parameters */
                                factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                /** @description What the router decided on; null for runs routed before it was recorded */
                                inputs: {
                                    budget_cents: number | null;
                                    /** @enum {string} */
                                    client: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                                    cloud_available: boolean;
                                    cloud_queue_length: number | null;
                                    cloud_queue_wait_seconds: number | null;
                                    critical_tools: string[];
                                    estimated_cost_cents: number | null;
                                    local_available: boolean;
                                    /** @enum {string} */
                                    risk: "normal" | "critical";
                                    tools_missing_in_cloud: string[];
                                    tools_missing_locally: string[];
                                    user_active_runs: number | null;
                                    user_concurrency: number | null;
                                } | null;
                                /** @description The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget) */
                                needs_confirmation: boolean;
                                reasons: string[];
                                /** @enum {string} */
                                target: "local" | "cloud";
                                warning_factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                warnings: string[];
                            } | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                            trace_id: string;
                            /** @description ISO 8601 time */
                            updated_at: string;
                            usage: {
                                cost_cents?: number;
                                llm_calls?: number;
                                steps?: number;
                                tokens?: number;
                            } | null;
                            /** @description The human step the run waits on */
                            waiting: {
                                node: string;
                                request_id: string;
                                /** @description ISO 8601 time */
                                since: string;
                                /** @description ISO 8601 time */
                                timeout_at: string | null;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Held before its first node until the user confirms (POST /api/runs/:id/confirm) */
                            awaiting_confirmation: boolean;
                            budget: {
                                [key: string]: number;
                            } | null;
                            cancel_requested: boolean;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error: {
                                code: string;
                                message: string;
                                node?: string;
                            } | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            graph: string;
                            graph_version: number | null;
                            id: string;
                            inputs: {
                                [key: string]: unknown;
                            };
                            last_seq: number;
                            /** @description What the graph returned; null until it completes */
                            output: {
                                [key: string]: unknown;
                            } | null;
                            route: {
                                /** @description ISO 8601 time */
                                confirmed_at: string | null;
                                /** @description The reasons as codes with parameters */
                                factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                /** @description What the router decided on; null for runs routed before it was recorded */
                                inputs: {
                                    budget_cents: number | null;
                                    /** @enum {string} */
                                    client: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                                    cloud_available: boolean;
                                    cloud_queue_length: number | null;
                                    cloud_queue_wait_seconds: number | null;
                                    critical_tools: string[];
                                    estimated_cost_cents: number | null;
                                    local_available: boolean;
                                    /** @enum {string} */
                                    risk: "normal" | "critical";
                                    tools_missing_in_cloud: string[];
                                    tools_missing_locally: string[];
                                    user_active_runs: number | null;
                                    user_concurrency: number | null;
                                } | null;
                                /** @description The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget) */
                                needs_confirmation: boolean;
                                reasons: string[];
                                /** @enum {string} */
                                target: "local" | "cloud";
                                warning_factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                warnings: string[];
                            } | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                            trace_id: string;
                            /** @description ISO 8601 time */
                            updated_at: string;
                            usage: {
                                cost_cents?: number;
                                llm_calls?: number;
                                steps?: number;
                                tokens?: number;
                            } | null;
                            /** @description The human step the run waits on */
                            waiting: {
                                node: string;
                                request_id: string;
                                /** @description ISO 8601 time */
                                since: string;
                                /** @description ISO 8601 time */
                                timeout_at: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Held before its first node until the user confirms (POST /api/runs/:id/confirm) */
                            awaiting_confirmation: boolean;
                            budget: {
                                [key: string]: number;
                            } | null;
                            cancel_requested: boolean;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error: {
                                code: string;
                                message: string;
                                node?: string;
                            } | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            graph: string;
                            graph_version: number | null;
                            id: string;
                            inputs: {
                                [key: string]: unknown;
                            };
                            last_seq: number;
                            /** @description What the graph returned; null until it completes */
                            output: {
                                [key: string]: unknown;
                            } | null;
                            route: {
                                /** @description ISO 8601 time */
                                confirmed_at: string | null;
                                /** @description The reasons as codes with parameters */
                                factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                /** @description What the router decided on; null for runs routed before it was recorded */
                                inputs: {
                                    budget_cents: number | null;
                                    /** @enum {string} */
                                    client: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                                    cloud_available: boolean;
                                    cloud_queue_length: number | null;
                                    cloud_queue_wait_seconds: number | null;
                                    critical_tools: string[];
                                    estimated_cost_cents: number | null;
                                    local_available: boolean;
                                    /** @enum {string} */
                                    risk: "normal" | "critical";
                                    tools_missing_in_cloud: string[];
                                    tools_missing_locally: string[];
                                    user_active_runs: number | null;
                                    user_concurrency: number | null;
                                } | null;
                                /** @description The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget) */
                                needs_confirmation: boolean;
                                reasons: string[];
                                /** @enum {string} */
                                target: "local" | "cloud";
                                warning_factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                warnings: string[];
                            } | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                            trace_id: string;
                            /** @description ISO 8601 time */
                            updated_at: string;
                            usage: {
                                cost_cents?: number;
                                llm_calls?: number;
                                steps?: number;
                                tokens?: number;
                            } | null;
                            /** @description The human step the run waits on */
                            waiting: {
                                node: string;
                                request_id: string;
                                /** @description ISO 8601 time */
                                since: string;
                                /** @description ISO 8601 time */
                                timeout_at: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a run (a finished run is returned as it is) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Held before its first node until the user confirms (POST /api/runs/:id/confirm) */
                            awaiting_confirmation: boolean;
                            budget: {
                                [key: string]: number;
                            } | null;
                            cancel_requested: boolean;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error: {
                                code: string;
                                message: string;
                                node?: string;
                            } | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            graph: string;
                            graph_version: number | null;
                            id: string;
                            inputs: {
                                [key: string]: unknown;
                            };
                            last_seq: number;
                            /** @description What the graph returned; null until it completes */
                            output: {
                                [key: string]: unknown;
                            } | null;
                            route: {
                                /** @description ISO 8601 time */
                                confirmed_at: string | null;
                                /** @description The reasons as codes with parameters */
                                factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                /** @description What the router decided on; null for runs routed before it was recorded */
                                inputs: {
                                    budget_cents: number | null;
                                    /** @enum {string} */
                                    client: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                                    cloud_available: boolean;
                                    cloud_queue_length: number | null;
                                    cloud_queue_wait_seconds: number | null;
                                    critical_tools: string[];
                                    estimated_cost_cents: number | null;
                                    local_available: boolean;
                                    /** @enum {string} */
                                    risk: "normal" | "critical";
                                    tools_missing_in_cloud: string[];
                                    tools_missing_locally: string[];
                                    user_active_runs: number | null;
                                    user_concurrency: number | null;
                                } | null;
                                /** @description The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget) */
                                needs_confirmation: boolean;
                                reasons: string[];
                                /** @enum {string} */
                                target: "local" | "cloud";
                                warning_factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                warnings: string[];
                            } | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                            trace_id: string;
                            /** @description ISO 8601 time */
                            updated_at: string;
                            usage: {
                                cost_cents?: number;
                                llm_calls?: number;
                                steps?: number;
                                tokens?: number;
                            } | null;
                            /** @description The human step the run waits on */
                            waiting: {
                                node: string;
                                request_id: string;
                                /** @description ISO 8601 time */
                                since: string;
                                /** @description ISO 8601 time */
                                timeout_at: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a run the router held before its first node (critical work in the cloud, an estimate over budget) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Held before its first node until the user confirms (POST /api/runs/:id/confirm) */
                            awaiting_confirmation: boolean;
                            budget: {
                                [key: string]: number;
                            } | null;
                            cancel_requested: boolean;
                            /** @description ISO 8601 time */
                            created_at: string;
                            error: {
                                code: string;
                                message: string;
                                node?: string;
                            } | null;
                            /** @description ISO 8601 time */
                            finished_at: string | null;
                            graph: string;
                            graph_version: number | null;
                            id: string;
                            inputs: {
                                [key: string]: unknown;
                            };
                            last_seq: number;
                            /** @description What the graph returned; null until it completes */
                            output: {
                                [key: string]: unknown;
                            } | null;
                            route: {
                                /** @description ISO 8601 time */
                                confirmed_at: string | null;
                                /** @description The reasons as codes with parameters */
                                factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                /** @description What the router decided on; null for runs routed before it was recorded */
                                inputs: {
                                    budget_cents: number | null;
                                    /** @enum {string} */
                                    client: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                                    cloud_available: boolean;
                                    cloud_queue_length: number | null;
                                    cloud_queue_wait_seconds: number | null;
                                    critical_tools: string[];
                                    estimated_cost_cents: number | null;
                                    local_available: boolean;
                                    /** @enum {string} */
                                    risk: "normal" | "critical";
                                    tools_missing_in_cloud: string[];
                                    tools_missing_locally: string[];
                                    user_active_runs: number | null;
                                    user_concurrency: number | null;
                                } | null;
                                /** @description The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget) */
                                needs_confirmation: boolean;
                                reasons: string[];
                                /** @enum {string} */
                                target: "local" | "cloud";
                                warning_factors: {
                                    /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                    code: string;
                                    params: {
                                        [key: string]: string | number;
                                    };
                                }[];
                                warnings: string[];
                            } | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                            trace_id: string;
                            /** @description ISO 8601 time */
                            updated_at: string;
                            usage: {
                                cost_cents?: number;
                                llm_calls?: number;
                                steps?: number;
                                tokens?: number;
                            } | null;
                            /** @description The human step the run waits on */
                            waiting: {
                                node: string;
                                request_id: string;
                                /** @description ISO 8601 time */
                                since: string;
                                /** @description ISO 8601 time */
                                timeout_at: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{id}/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every model call of one run: node, model, tokens, estimated and actual cost, status, duration */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actual_cents: number;
                                /** Format: date-time */
                                completed_at: string | null;
                                duration_ms: number | null;
                                estimated_cents: number;
                                id: string;
                                input_tokens: number;
                                model: string;
                                node: string;
                                output_tokens: number;
                                provider: string | null;
                                /** Format: date-time */
                                started_at: string;
                                /** @enum {string} */
                                status: "started" | "success" | "failed" | "cancelled" | "interrupted";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Run events as SSE (Last-Event-ID replay, live tail); ?format=json for a page. Types: run_started, run_completed, run_failed, run_cancelled, node_started, node_completed, node_failed, tool_called, tool_result, message_delta, human_required, human_responded, budget_warning, cost_update */
        get: {
            parameters: {
                query?: {
                    after?: number;
                    follow?: "true" | "false";
                    format?: "sse" | "json";
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                data: {
                                    [key: string]: unknown;
                                };
                                node: string | null;
                                run_id: string;
                                seq: number;
                                span_id: string;
                                trace_id: string;
                                /** @description ISO 8601 time */
                                ts: string;
                                /** @enum {string} */
                                type: "run_started" | "run_completed" | "run_failed" | "run_cancelled" | "node_started" | "node_completed" | "node_failed" | "tool_called" | "tool_result" | "message_delta" | "human_required" | "human_responded" | "budget_warning" | "cost_update";
                            }[];
                            last_seq: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                        };
                        "text/event-stream": {
                            items: {
                                data: {
                                    [key: string]: unknown;
                                };
                                node: string | null;
                                run_id: string;
                                seq: number;
                                span_id: string;
                                trace_id: string;
                                /** @description ISO 8601 time */
                                ts: string;
                                /** @enum {string} */
                                type: "run_started" | "run_completed" | "run_failed" | "run_cancelled" | "node_started" | "node_completed" | "node_failed" | "tool_called" | "tool_result" | "message_delta" | "human_required" | "human_responded" | "budget_warning" | "cost_update";
                            }[];
                            last_seq: number;
                            /** @enum {string} */
                            status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runs/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the human request a run waits on (first answer wins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data: unknown;
                        idempotency_key?: string;
                        request_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            accepted: true;
                            replayed: boolean;
                            request_id: string;
                            run: {
                                /** @description Held before its first node until the user confirms (POST /api/runs/:id/confirm) */
                                awaiting_confirmation: boolean;
                                budget: {
                                    [key: string]: number;
                                } | null;
                                cancel_requested: boolean;
                                /** @description ISO 8601 time */
                                created_at: string;
                                error: {
                                    code: string;
                                    message: string;
                                    node?: string;
                                } | null;
                                /** @description ISO 8601 time */
                                finished_at: string | null;
                                graph: string;
                                graph_version: number | null;
                                id: string;
                                inputs: {
                                    [key: string]: unknown;
                                };
                                last_seq: number;
                                /** @description What the graph returned; null until it completes */
                                output: {
                                    [key: string]: unknown;
                                } | null;
                                route: {
                                    /** @description ISO 8601 time */
                                    confirmed_at: string | null;
                                    /** @description The reasons as codes with parameters */
                                    factors: {
                                        /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                        code: string;
                                        params: {
                                            [key: string]: string | number;
                                        };
                                    }[];
                                    /** @description What the router decided on; null for runs routed before it was recorded */
                                    inputs: {
                                        budget_cents: number | null;
                                        /** @enum {string} */
                                        client: "desktop" | "web" | "mobile" | "cli" | "sidecar";
                                        cloud_available: boolean;
                                        cloud_queue_length: number | null;
                                        cloud_queue_wait_seconds: number | null;
                                        critical_tools: string[];
                                        estimated_cost_cents: number | null;
                                        local_available: boolean;
                                        /** @enum {string} */
                                        risk: "normal" | "critical";
                                        tools_missing_in_cloud: string[];
                                        tools_missing_locally: string[];
                                        user_active_runs: number | null;
                                        user_concurrency: number | null;
                                    } | null;
                                    /** @description The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget) */
                                    needs_confirmation: boolean;
                                    reasons: string[];
                                    /** @enum {string} */
                                    target: "local" | "cloud";
                                    warning_factors: {
                                        /** @description The rule (mobile_cloud, critical_local, over_budget, …); the web translates it */
                                        code: string;
                                        params: {
                                            [key: string]: string | number;
                                        };
                                    }[];
                                    warnings: string[];
                                } | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
                                trace_id: string;
                                /** @description ISO 8601 time */
                                updated_at: string;
                                usage: {
                                    cost_cents?: number;
                                    llm_calls?: number;
                                    steps?: number;
                                    tokens?: number;
                                } | null;
                                /** @description The human step the run waits on */
                                waiting: {
                                    node: string;
                                    request_id: string;
                                    /** @description ISO 8601 time */
                                    since: string;
                                    /** @description ISO 8601 time */
                                    timeout_at: string | null;
                                } | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/runtime/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This runtime's queue: a linked install reads the cloud's before routing a run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Runs executing at once per worker process */
                            concurrency: number;
                            /** @description How long a new run would wait; null before any run finished */
                            estimated_wait_seconds: number | null;
                            /** @description Runs waiting to start (not those held for confirmation) */
                            queued: number;
                            running: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search ideas, works, assets and knowledge (jieba-segmented full-text, ranked, with <mark> highlights) */
        get: {
            parameters: {
                query: {
                    from?: unknown;
                    limit?: number;
                    offset?: number;
                    q: string;
                    tag?: string;
                    to?: unknown;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                id: string;
                                parent_id: string | null;
                                score: number;
                                snippet: string;
                                tags: string[];
                                title: string;
                                title_highlight: string;
                                /** @enum {string} */
                                type: "idea" | "work" | "asset" | "knowledge";
                            }[];
                            /** @enum {string} */
                            match: "all" | "any";
                            query: string;
                            terms: string[];
                            total: number;
                            total_exact: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Local: records changed on both sides, with both versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                can_keep_both: boolean;
                                cloud: {
                                    [key: string]: unknown;
                                } | null;
                                cloud_rev: number;
                                cloud_summary: {
                                    deleted: boolean;
                                    text: string;
                                    title: string;
                                    updated_at: string | null;
                                };
                                detected_at: string;
                                id: string;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                mine: {
                                    [key: string]: unknown;
                                } | null;
                                mine_summary: {
                                    deleted: boolean;
                                    text: string;
                                    title: string;
                                    updated_at: string | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/conflicts/{kind}/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Local: keep this install’s version, the cloud’s, or both (the cloud’s under this id, this one as a new record) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        keep: "mine" | "cloud" | "both";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auto: {
                                enabled: boolean;
                                interval_seconds: number;
                                next_at: string | null;
                            };
                            conflicts: number;
                            copy: {
                                id: string;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                            } | null;
                            last_counts: {
                                conflicts: number;
                                down: number;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                up: number;
                            }[];
                            last_error: {
                                code: string;
                                message: string;
                            } | null;
                            last_pulled: number;
                            last_pushed: number;
                            last_sync_at: string | null;
                            linked: boolean;
                            pending: number;
                            progress: {
                                done: number;
                                /** @enum {string} */
                                phase: "pull" | "push";
                                total: number | null;
                            } | null;
                            running: boolean;
                            /** @enum {string|null} */
                            trigger: "manual" | "interval" | "change" | "resolve" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cloud: the workspace’s changes after a cursor, oldest first */
        get: {
            parameters: {
                query?: {
                    cursor?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cursor: number;
                            has_more: boolean;
                            records: {
                                hash: string | null;
                                id: string;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                payload: {
                                    [key: string]: unknown;
                                } | null;
                                rev: number;
                                seq: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cloud: apply a device’s changes; each is accepted or answered with the cloud’s version as a conflict */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        changes: {
                            base_rev: number;
                            id: string;
                            /** @enum {string} */
                            kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                            payload: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outcomes: ({
                                id: string;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                rev: number;
                                seq: number;
                                /** @enum {string} */
                                status: "accepted";
                            } | {
                                current: {
                                    hash: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                    payload: {
                                        [key: string]: unknown;
                                    } | null;
                                    rev: number;
                                    seq: number;
                                };
                                id: string;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                /** @enum {string} */
                                status: "conflict";
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Local: sync with the linked cloud now (wait=true answers when the round ends) */
        post: {
            parameters: {
                query?: {
                    wait?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auto: {
                                enabled: boolean;
                                interval_seconds: number;
                                next_at: string | null;
                            };
                            conflicts: number;
                            last_counts: {
                                conflicts: number;
                                down: number;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                up: number;
                            }[];
                            last_error: {
                                code: string;
                                message: string;
                            } | null;
                            last_pulled: number;
                            last_pushed: number;
                            last_sync_at: string | null;
                            linked: boolean;
                            pending: number;
                            progress: {
                                done: number;
                                /** @enum {string} */
                                phase: "pull" | "push";
                                total: number | null;
                            } | null;
                            running: boolean;
                            /** @enum {string|null} */
                            trigger: "manual" | "interval" | "change" | "resolve" | null;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auto: {
                                enabled: boolean;
                                interval_seconds: number;
                                next_at: string | null;
                            };
                            conflicts: number;
                            last_counts: {
                                conflicts: number;
                                down: number;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                up: number;
                            }[];
                            last_error: {
                                code: string;
                                message: string;
                            } | null;
                            last_pulled: number;
                            last_pushed: number;
                            last_sync_at: string | null;
                            linked: boolean;
                            pending: number;
                            progress: {
                                done: number;
                                /** @enum {string} */
                                phase: "pull" | "push";
                                total: number | null;
                            } | null;
                            running: boolean;
                            /** @enum {string|null} */
                            trigger: "manual" | "interval" | "change" | "resolve" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Local: turn auto sync (periodic and after changes) on or off */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        auto: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auto: {
                                enabled: boolean;
                                interval_seconds: number;
                                next_at: string | null;
                            };
                            conflicts: number;
                            last_counts: {
                                conflicts: number;
                                down: number;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                up: number;
                            }[];
                            last_error: {
                                code: string;
                                message: string;
                            } | null;
                            last_pulled: number;
                            last_pushed: number;
                            last_sync_at: string | null;
                            linked: boolean;
                            pending: number;
                            progress: {
                                done: number;
                                /** @enum {string} */
                                phase: "pull" | "push";
                                total: number | null;
                            } | null;
                            running: boolean;
                            /** @enum {string|null} */
                            trigger: "manual" | "interval" | "change" | "resolve" | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Local: the last sync, the one running, conflicts and changes waiting */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auto: {
                                enabled: boolean;
                                interval_seconds: number;
                                next_at: string | null;
                            };
                            conflicts: number;
                            last_counts: {
                                conflicts: number;
                                down: number;
                                /** @enum {string} */
                                kind: "idea" | "work" | "asset" | "knowledge" | "graph" | "setting" | "account" | "credential";
                                up: number;
                            }[];
                            last_error: {
                                code: string;
                                message: string;
                            } | null;
                            last_pulled: number;
                            last_pushed: number;
                            last_sync_at: string | null;
                            linked: boolean;
                            pending: number;
                            progress: {
                                done: number;
                                /** @enum {string} */
                                phase: "pull" | "push";
                                total: number | null;
                            } | null;
                            running: boolean;
                            /** @enum {string|null} */
                            trigger: "manual" | "interval" | "change" | "resolve" | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/system": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where this server keeps data, and the browser it uses for publishing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            chromium: {
                                found: boolean;
                                path: string;
                            };
                            /** @enum {string} */
                            db: "pglite" | "postgres";
                            /** @description The local data directory; null in cloud mode */
                            home: string | null;
                            /** @description Where media files live: a directory, or `s3` */
                            media: string;
                            /** @enum {string} */
                            mode: "local" | "cloud";
                            node: string;
                            /** @description The largest file 素材库 accepts */
                            upload_max_bytes: number;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/titles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scored title options for a platform */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 6 */
                        count?: number;
                        markdown: string;
                        platform: string;
                        title?: string;
                        /** @default false */
                        use_llm?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            options: {
                                chars: number;
                                fits: boolean;
                                reasons: {
                                    en: string;
                                    points: number;
                                    zh: string;
                                }[];
                                score: number;
                                /** @enum {string} */
                                source: "original" | "candidate" | "heuristic" | "llm";
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tools graphs can use here */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                capabilities: string[];
                                description: string;
                                /** @description The tool used instead where this one cannot run */
                                fallback?: string;
                                name: string;
                                /** @enum {string} */
                                runtime: "local" | "cloud" | "universal";
                                status: {
                                    available: boolean;
                                    reason?: string;
                                };
                            }[];
                            /**
                             * @description Where this server executes runs
                             * @enum {string}
                             */
                            runtime: "local" | "cloud";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tools/{name}/call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call one tool outside a run (desktop shells, scripts); tools that publish or read credentials only run inside a graph, behind its approval */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        args?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description `<tool>@<runtime>`: which implementation answered */
                            implementation: string;
                            name: string;
                            result: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/topics/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** AI选题: ranked topics with angle, per-platform titles, why now and citations; thin data is said, not invented */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        count?: number;
                        model?: string;
                        niche: string;
                        platforms?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            message: string | null;
                            niche: string;
                            /** @enum {string} */
                            status: "ok" | "thin";
                            topics: {
                                angle: string;
                                citations: {
                                    heat: number;
                                    item_id: string;
                                    rank: number;
                                    seen_at: string;
                                    source_id: string;
                                    source_name: string;
                                    title: string;
                                    url: string;
                                }[];
                                titles: {
                                    platform: string;
                                    title: string;
                                }[];
                                topic: string;
                                why_now: string;
                            }[];
                            trends_considered: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/topics/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent suggestion batches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                id: string;
                                message: string | null;
                                niche: string;
                                /** @enum {string} */
                                status: "ok" | "thin";
                                topics: {
                                    angle: string;
                                    citations: {
                                        heat: number;
                                        item_id: string;
                                        rank: number;
                                        seen_at: string;
                                        source_id: string;
                                        source_name: string;
                                        title: string;
                                        url: string;
                                    }[];
                                    titles: {
                                        platform: string;
                                        title: string;
                                    }[];
                                    topic: string;
                                    why_now: string;
                                }[];
                                trends_considered: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/topics/suggestions/{id}/topics/{index}/idea": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save one suggested topic to 想法库 with its brief and sources; returns the content-creation inputs to start from it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    index: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brief: string;
                            idea_id: string;
                            start: {
                                graph: string;
                                inputs: {
                                    platforms: string[];
                                    topic: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item with its rank history */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            history: {
                                hot_value: number | null;
                                rank: number;
                                seen_at: string;
                            }[];
                            item: {
                                best_rank: number;
                                first_seen_at: string;
                                heat: number;
                                heat_breakdown: {
                                    formula: string;
                                    frequency: number;
                                    heat: number;
                                    hotness: number;
                                    rank: number;
                                };
                                hot_value: number | null;
                                id: string;
                                interest?: {
                                    /** @enum {string} */
                                    by: "llm" | "cache";
                                    reason: string;
                                    tag: string | null;
                                };
                                keywords: string[];
                                last_seen_at: string;
                                minutes_on_list: number;
                                niche?: {
                                    group: string;
                                    words: string[];
                                };
                                platform: string;
                                rank: number;
                                source_id: string;
                                source_name: string;
                                summary: string | null;
                                title: string;
                                url: string;
                                velocity: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/merged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every list merged: the same story across platforms as one cluster, by heat */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    niche?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                heat: number;
                                heat_breakdown: {
                                    formula: string;
                                    frequency: number;
                                    heat: number;
                                    hotness: number;
                                    rank: number;
                                };
                                id: string;
                                items: {
                                    best_rank: number;
                                    first_seen_at: string;
                                    heat: number;
                                    heat_breakdown: {
                                        formula: string;
                                        frequency: number;
                                        heat: number;
                                        hotness: number;
                                        rank: number;
                                    };
                                    hot_value: number | null;
                                    id: string;
                                    interest?: {
                                        /** @enum {string} */
                                        by: "llm" | "cache";
                                        reason: string;
                                        tag: string | null;
                                    };
                                    keywords: string[];
                                    last_seen_at: string;
                                    minutes_on_list: number;
                                    niche?: {
                                        group: string;
                                        words: string[];
                                    };
                                    platform: string;
                                    rank: number;
                                    source_id: string;
                                    source_name: string;
                                    summary: string | null;
                                    title: string;
                                    url: string;
                                    velocity: number;
                                }[];
                                platforms: string[];
                                reason: {
                                    keywords: string[];
                                    rule: string;
                                };
                                title: string;
                                velocity: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/niches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved niches (keyword groups) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                rules: string;
                                updated_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/niches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a niche */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/niches/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save a niche: keyword groups with +must, !exclude, /regex/, => alias, @max (TrendRadar syntax) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rules: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            rules: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/rising": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rising in my niche: matching items, fastest climbers first; with ai=1 the LLM interest filter adds the climbers the model puts in the niche (cached per story, at most 300 new verdicts a day) */
        get: {
            parameters: {
                query: {
                    ai?: "0" | "1";
                    limit?: number;
                    niche: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            interest: {
                                added: number;
                                asked: number;
                                budget_left: number;
                                cached: number;
                                over_budget: number;
                            } | null;
                            items: {
                                best_rank: number;
                                first_seen_at: string;
                                heat: number;
                                heat_breakdown: {
                                    formula: string;
                                    frequency: number;
                                    heat: number;
                                    hotness: number;
                                    rank: number;
                                };
                                hot_value: number | null;
                                id: string;
                                interest?: {
                                    /** @enum {string} */
                                    by: "llm" | "cache";
                                    reason: string;
                                    tag: string | null;
                                };
                                keywords: string[];
                                last_seen_at: string;
                                minutes_on_list: number;
                                niche?: {
                                    group: string;
                                    words: string[];
                                };
                                platform: string;
                                rank: number;
                                source_id: string;
                                source_name: string;
                                summary: string | null;
                                title: string;
                                url: string;
                                velocity: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hot-list sources with their health (last success, last error, consecutive failures) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                anchors: string[];
                                category: string;
                                checked: string;
                                consecutive_failures: number;
                                custom: boolean;
                                home: string;
                                id: string;
                                item_count: number;
                                last_error: string | null;
                                last_error_at: string | null;
                                last_error_code: string | null;
                                last_success_at: string | null;
                                list: string;
                                name: string;
                                name_en: string;
                                needs_session: boolean;
                                next_due_at: string | null;
                                platform: string;
                                shape: string;
                                /** @enum {string} */
                                status: "ok" | "stale" | "failing" | "never";
                                tier_minutes: number;
                                ttl_minutes: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a user-defined source: an RSS/Atom/JSON feed, or a JSON endpoint with a field mapping */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        spec: {
                            [key: string]: unknown;
                        };
                        tier_minutes: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchors: string[];
                            category: string;
                            checked: string;
                            consecutive_failures: number;
                            custom: boolean;
                            home: string;
                            id: string;
                            item_count: number;
                            last_error: string | null;
                            last_error_at: string | null;
                            last_error_code: string | null;
                            last_success_at: string | null;
                            list: string;
                            name: string;
                            name_en: string;
                            needs_session: boolean;
                            next_due_at: string | null;
                            platform: string;
                            shape: string;
                            /** @enum {string} */
                            status: "ok" | "stale" | "failing" | "never";
                            tier_minutes: number;
                            ttl_minutes: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user-defined source and its history */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/sources/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One source's board in rank order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                best_rank: number;
                                first_seen_at: string;
                                heat: number;
                                heat_breakdown: {
                                    formula: string;
                                    frequency: number;
                                    heat: number;
                                    hotness: number;
                                    rank: number;
                                };
                                hot_value: number | null;
                                id: string;
                                interest?: {
                                    /** @enum {string} */
                                    by: "llm" | "cache";
                                    reason: string;
                                    tag: string | null;
                                };
                                keywords: string[];
                                last_seen_at: string;
                                minutes_on_list: number;
                                niche?: {
                                    group: string;
                                    words: string[];
                                };
                                platform: string;
                                rank: number;
                                source_id: string;
                                source_name: string;
                                summary: string | null;
                                title: string;
                                url: string;
                                velocity: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trends/sources/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refresh one source now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts?: number;
                            code?: string;
                            items?: number;
                            message?: string;
                            reason?: string;
                            source_id: string;
                            stale?: boolean;
                            /** @enum {string} */
                            status: "refreshed" | "failed" | "skipped";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/video-scripts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write a video shot list; save: true stores it as a work */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "15s" | "60s" | "3min";
                        model?: string;
                        platform?: string;
                        /** @default false */
                        save?: boolean;
                        source: string;
                        style?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csv: string;
                            markdown: string;
                            script: {
                                cta: string;
                                /** @enum {string} */
                                format: "15s" | "60s" | "3min";
                                /** @description 开头 3 秒钩子 */
                                hook: string;
                                platform?: string;
                                shots: {
                                    duration_seconds: number;
                                    music_cue: string;
                                    on_screen_text: string;
                                    scene: string;
                                    visuals: string;
                                    voice_over: string;
                                }[];
                                title: string;
                                total_seconds: number;
                            };
                            /** @description The saved work (save: true) */
                            work_id: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Works, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    kind?: "article" | "note" | "video_script" | "post";
                    limit?: number;
                    status?: "draft" | "ready" | "scheduled" | "published" | "archived";
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                cover_asset_id: string | null;
                                created_at: string;
                                id: string;
                                idea_ids: string[];
                                /** @enum {string} */
                                kind: "article" | "note" | "video_script" | "post";
                                platforms: string[];
                                /** @description Per account, the live post (or else the newest publish job) of this work */
                                publications: {
                                    account_id: string;
                                    job_id: string;
                                    platform: string;
                                    published_at: string | null;
                                    run_at: string;
                                    /** @enum {string} */
                                    status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                    url: string | null;
                                }[];
                                /**
                                 * @description Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved
                                 * @enum {string}
                                 */
                                status: "draft" | "ready" | "scheduled" | "published" | "archived";
                                tags: string[];
                                title: string;
                                updated_at: string;
                                version: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a work (version 1; send an Idempotency-Key to make retries safe: a repeat returns the same work with 200) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: string;
                        cover_asset_id?: string | null;
                        idea_id?: string;
                        /** @enum {string} */
                        kind: "article" | "note" | "video_script" | "post";
                        platforms?: string[];
                        /** @enum {string} */
                        status?: "draft" | "ready" | "scheduled" | "published" | "archived";
                        tags?: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            cover_asset_id: string | null;
                            created_at: string;
                            id: string;
                            idea_ids: string[];
                            /** @enum {string} */
                            kind: "article" | "note" | "video_script" | "post";
                            platforms: string[];
                            /** @description Per account, the live post (or else the newest publish job) of this work */
                            publications: {
                                account_id: string;
                                job_id: string;
                                platform: string;
                                published_at: string | null;
                                run_at: string;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                url: string | null;
                            }[];
                            /**
                             * @description Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved
                             * @enum {string}
                             */
                            status: "draft" | "ready" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            updated_at: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            cover_asset_id: string | null;
                            created_at: string;
                            id: string;
                            idea_ids: string[];
                            /** @enum {string} */
                            kind: "article" | "note" | "video_script" | "post";
                            platforms: string[];
                            /** @description Per account, the live post (or else the newest publish job) of this work */
                            publications: {
                                account_id: string;
                                job_id: string;
                                platform: string;
                                published_at: string | null;
                                run_at: string;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                url: string | null;
                            }[];
                            /**
                             * @description Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved
                             * @enum {string}
                             */
                            status: "draft" | "ready" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            updated_at: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One work at its current version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            cover_asset_id: string | null;
                            created_at: string;
                            id: string;
                            idea_ids: string[];
                            /** @enum {string} */
                            kind: "article" | "note" | "video_script" | "post";
                            platforms: string[];
                            /** @description Per account, the live post (or else the newest publish job) of this work */
                            publications: {
                                account_id: string;
                                job_id: string;
                                platform: string;
                                published_at: string | null;
                                run_at: string;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                url: string | null;
                            }[];
                            /**
                             * @description Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved
                             * @enum {string}
                             */
                            status: "draft" | "ready" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            updated_at: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** Save a new version on top of base_version (409 WORK_VERSION_CONFLICT with both versions if someone saved since) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        base_version: number;
                        body?: string;
                        cover_asset_id?: string | null;
                        note?: string;
                        platforms?: string[];
                        /** @enum {string} */
                        status?: "draft" | "ready" | "scheduled" | "published" | "archived";
                        tags?: string[];
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            cover_asset_id: string | null;
                            created_at: string;
                            id: string;
                            idea_ids: string[];
                            /** @enum {string} */
                            kind: "article" | "note" | "video_script" | "post";
                            platforms: string[];
                            /** @description Per account, the live post (or else the newest publish job) of this work */
                            publications: {
                                account_id: string;
                                job_id: string;
                                platform: string;
                                published_at: string | null;
                                run_at: string;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                url: string | null;
                            }[];
                            /**
                             * @description Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved
                             * @enum {string}
                             */
                            status: "draft" | "ready" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            updated_at: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a work and its versions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Line diff between two versions */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: {
                                added: number;
                                changes: {
                                    lines: number;
                                    /** @enum {string} */
                                    op: "same" | "add" | "remove";
                                    text: string;
                                }[];
                                removed: number;
                                unified: string;
                            };
                            /** @description Metadata fields that differ (API names: title, cover_asset_id, tags, platforms, status) */
                            fields: {
                                [key: string]: {
                                    from: unknown;
                                    to: unknown;
                                };
                            };
                            from: number;
                            to: number;
                            work_id: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The work as Markdown with YAML front matter */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Markdown with YAML front matter */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/markdown": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body_length: number;
                                cover_asset_id: string | null;
                                created_at: string;
                                created_by: string | null;
                                note: string | null;
                                platforms: string[];
                                /** @enum {string} */
                                status: "draft" | "ready" | "scheduled" | "published" | "archived";
                                tags: string[];
                                title: string;
                                version: number;
                                work_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            cover_asset_id: string | null;
                            created_at: string;
                            created_by: string | null;
                            note: string | null;
                            platforms: string[];
                            /** @enum {string} */
                            status: "draft" | "ready" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            version: number;
                            work_id: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works/{id}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a version by saving its content as a new version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        base_version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            cover_asset_id: string | null;
                            created_at: string;
                            id: string;
                            idea_ids: string[];
                            /** @enum {string} */
                            kind: "article" | "note" | "video_script" | "post";
                            platforms: string[];
                            /** @description Per account, the live post (or else the newest publish job) of this work */
                            publications: {
                                account_id: string;
                                job_id: string;
                                platform: string;
                                published_at: string | null;
                                run_at: string;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                url: string | null;
                            }[];
                            /**
                             * @description Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved
                             * @enum {string}
                             */
                            status: "draft" | "ready" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            updated_at: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/works/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a work from Markdown (optional YAML front matter: title, kind, tags, platforms, status) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        file_name?: string;
                        markdown: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            cover_asset_id: string | null;
                            created_at: string;
                            id: string;
                            idea_ids: string[];
                            /** @enum {string} */
                            kind: "article" | "note" | "video_script" | "post";
                            platforms: string[];
                            /** @description Per account, the live post (or else the newest publish job) of this work */
                            publications: {
                                account_id: string;
                                job_id: string;
                                platform: string;
                                published_at: string | null;
                                run_at: string;
                                /** @enum {string} */
                                status: "scheduled" | "queued" | "running" | "published" | "needs_action" | "failed" | "cancelled";
                                url: string | null;
                            }[];
                            /**
                             * @description Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved
                             * @enum {string}
                             */
                            status: "draft" | "ready" | "scheduled" | "published" | "archived";
                            tags: string[];
                            title: string;
                            updated_at: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspaces you belong to */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                id: string;
                                /** @enum {string} */
                                kind: "personal" | "team";
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "admin" | "editor" | "viewer";
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team workspace (you become its owner) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "personal" | "team";
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "editor" | "viewer";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workspace and your role in it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "personal" | "team";
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "editor" | "viewer";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a workspace */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "personal" | "team";
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "editor" | "viewer";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log, newest first */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                created_at: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                target_id: string | null;
                                target_type: string | null;
                                trace_id: string | null;
                                user_id: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invitations, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                email: string;
                                expires_at: string;
                                id: string;
                                invited_by: string;
                                /** @enum {string} */
                                role: "admin" | "editor" | "viewer";
                                /** @enum {string} */
                                status: "pending" | "accepted" | "revoked" | "expired";
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by email (the token is returned once; send it to them) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            email: string;
                            expires_at: string;
                            id: string;
                            invited_by: string;
                            /** @enum {string} */
                            role: "admin" | "editor" | "viewer";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                email: string | null;
                                joined_at: string;
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "admin" | "editor" | "viewer";
                                user_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (or leave, with your own id) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "owner" | "admin" | "editor" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            role: "owner" | "admin" | "editor" | "viewer";
                            user_id: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/workspaces/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens (yours; admins see everyone’s) */
        get: {
            parameters: {
                query?: {
                    /** @description The next_cursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                created_at: string;
                                expires_at: string | null;
                                id: string;
                                last_used_at: string | null;
                                name: string;
                                prefix: string;
                                revoked_at: string | null;
                                /** @enum {string} */
                                role: "owner" | "admin" | "editor" | "viewer";
                                user_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a personal API token (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description omit for a token that does not expire */
                        expires_in_days?: number;
                        name: string;
                        /**
                         * @description role ceiling; defaults to your role
                         * @enum {string}
                         */
                        role?: "owner" | "admin" | "editor" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            expires_at: string | null;
                            id: string;
                            last_used_at: string | null;
                            name: string;
                            prefix: string;
                            revoked_at: string | null;
                            /** @enum {string} */
                            role: "owner" | "admin" | "editor" | "viewer";
                            token: string;
                            user_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workspaces/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
