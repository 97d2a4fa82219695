import { Annotation, END, MemorySaver, Send, START, StateGraph } from '@langchain/langgraph';

// The same shapes as the CreatorFlow benchmark, in LangGraph.js: no-op nodes, an in-memory checkpointer.
/* eslint-disable @typescript-eslint/no-explicit-any -- LangGraph's builder generics do not follow dynamically named nodes */

export async function langgraphChain(nodes: number): Promise<void> {
  const State = Annotation.Root({ n: Annotation<number>({ reducer: (_a, b) => b, default: () => 0 }) });
  const graph: any = new StateGraph(State);
  for (let i = 0; i < nodes; i++) graph.addNode(`n${i}`, () => ({}));
  graph.addEdge(START, 'n0');
  for (let i = 0; i < nodes - 1; i++) graph.addEdge(`n${i}`, `n${i + 1}`);
  graph.addEdge(`n${nodes - 1}`, END);
  const app = graph.compile({ checkpointer: new MemorySaver() });
  await app.invoke({ n: 0 }, { configurable: { thread_id: 'chain' }, recursionLimit: nodes * 2 + 10 });
}

export async function langgraphMap(width: number): Promise<void> {
  const State = Annotation.Root({
    items: Annotation<number[]>({ reducer: (_a, b) => b, default: () => [] }),
    results: Annotation<number[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
  });
  const graph: any = new StateGraph(State);
  graph.addNode('body', (s: { item: number }) => ({ results: [s.item] }));
  graph.addConditionalEdges(START, (s: { items: number[] }) => s.items.map((item) => new Send('body', { item })));
  graph.addEdge('body', END);
  const app = graph.compile({ checkpointer: new MemorySaver() });
  const out = await app.invoke({ items: Array.from({ length: width }, (_, i) => i) }, { configurable: { thread_id: 'map' }, recursionLimit: 100 });
  if ((out as { results: number[] }).results.length !== width) throw new Error('langgraph map lost items');
}
