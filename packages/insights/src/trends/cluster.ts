/**
 * The same story on several lists, grouped. Two items join when their
 * normalised titles are equal or one contains the other (at least 6
 * characters), or when they share at least two jieba keywords that make up at
 * least half of the shorter keyword set. Every cluster says which rule joined
 * it and which keywords were shared, so the grouping can be checked by eye.
 */
export interface ClusterInput {
  id: string;
  sourceId: string;
  normTitle: string;
  keywords: string[];
}

export interface Cluster<T extends ClusterInput> {
  /** Stable id: the id of the member seen first in the input order. */
  id: string;
  members: T[];
  /** Why the members are one story: "same title" or the shared keywords. */
  reason: { rule: 'single' | 'same_title' | 'shared_keywords'; keywords: string[] };
}

function related(a: ClusterInput, b: ClusterInput): { rule: 'same_title' | 'shared_keywords'; keywords: string[] } | undefined {
  if (a.normTitle && a.normTitle === b.normTitle) return { rule: 'same_title', keywords: [] };
  const [short, long] = a.normTitle.length <= b.normTitle.length ? [a.normTitle, b.normTitle] : [b.normTitle, a.normTitle];
  if ([...short].length >= 6 && long.includes(short)) return { rule: 'same_title', keywords: [] };
  const setB = new Set(b.keywords);
  const shared = [...new Set(a.keywords)].filter((k) => setB.has(k));
  const smaller = Math.min(new Set(a.keywords).size, setB.size);
  if (shared.length >= 2 && smaller > 0 && shared.length / smaller >= 0.5) return { rule: 'shared_keywords', keywords: shared };
  return undefined;
}

export function clusterItems<T extends ClusterInput>(items: readonly T[]): Array<Cluster<T>> {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const reasons = new Map<number, { rule: 'same_title' | 'shared_keywords'; keywords: Set<string> }>();
  // Keyword index: only pairs that share a keyword or a title are compared (not all n² pairs).
  const byKey = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of new Set([`t:${item.normTitle}`, ...item.keywords.map((k) => `k:${k}`)])) {
      const list = byKey.get(key) ?? [];
      list.push(i);
      byKey.set(key, list);
    }
  });
  const compared = new Set<string>();
  for (const list of byKey.values()) {
    if (list.length > 200) continue; // a keyword on hundreds of titles says nothing about sameness
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        const pair = `${i}:${j}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const relation = related(items[i]!, items[j]!);
        if (!relation) continue;
        const ri = find(i);
        const rj = find(j);
        const root = Math.min(ri, rj);
        const merged = { rule: relation.rule, keywords: new Set(relation.keywords) };
        for (const r of [ri, rj]) {
          const previous = reasons.get(r);
          if (previous) {
            if (previous.rule === 'shared_keywords') merged.rule = merged.rule === 'same_title' && relation.rule === 'same_title' ? 'same_title' : 'shared_keywords';
            for (const k of previous.keywords) merged.keywords.add(k);
          }
        }
        parent[Math.max(ri, rj)] = root;
        reasons.set(root, merged);
      }
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(item);
    groups.set(root, list);
  });
  return [...groups.entries()].map(([root, members]) => {
    const reason = reasons.get(root);
    return {
      id: items[root]!.id,
      members,
      reason: members.length === 1 || !reason ? { rule: 'single', keywords: [] } : { rule: reason.rule, keywords: [...reason.keywords] },
    };
  });
}
