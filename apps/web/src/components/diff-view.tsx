import { diffLines } from 'diff';

export interface LineChange {
  op: 'same' | 'add' | 'remove';
  text: string;
}

/** Line changes between two texts, computed in the browser (e.g. for unsaved edits). */
export function lineChanges(from: string, to: string): LineChange[] {
  return diffLines(from, to).map((c) => ({ op: c.added ? 'add' : c.removed ? 'remove' : 'same', text: c.value }));
}

/** Added lines green, removed lines red and struck through; long unchanged runs are folded. */
export function DiffView({ changes }: { changes: LineChange[] }) {
  return (
    <div className="cf-diff" data-testid="diff-view">
      {changes.map((change, index) => {
        if (change.op === 'same') {
          const lines = change.text.split('\n');
          const text = lines.length > 8 ? [...lines.slice(0, 3), `… (${lines.length - 6})`, ...lines.slice(-3)].join('\n') : change.text;
          return <span key={index}>{text}</span>;
        }
        return (
          <span key={index} className={change.op === 'add' ? 'cf-diff-add' : 'cf-diff-del'}>
            {change.text.endsWith('\n') ? change.text : `${change.text}\n`}
          </span>
        );
      })}
    </div>
  );
}
