/**
 * Copying that works where the async Clipboard API refuses: it needs a focused
 * document and a secure context, and a click that lands in a sandboxed preview
 * frame, a page served over plain http on the LAN or a busy browser can leave
 * it rejecting. The fallback selects the content in an off-screen element and
 * uses the editing command, which every browser still honours for a click.
 */
function copyBySelection(fill: (holder: HTMLElement) => void): void {
  const holder = document.createElement('div');
  holder.contentEditable = 'true';
  holder.style.position = 'fixed';
  holder.style.left = '-9999px';
  holder.style.top = '0';
  holder.style.whiteSpace = 'pre-wrap';
  fill(holder);
  document.body.appendChild(holder);
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(holder);
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    selection?.removeAllRanges();
    holder.remove();
  }
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    copyBySelection((holder) => (holder.textContent = text));
  }
}

/** Rich HTML (pastes formatted, e.g. into the WeChat editor) with its plain text beside it. */
export async function copyHtml(html: string): Promise<void> {
  const plain = new DOMParser().parseFromString(html, 'text/html').body.innerText;
  try {
    if (typeof ClipboardItem === 'undefined') throw new Error('no ClipboardItem');
    await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) })]);
  } catch {
    copyBySelection((holder) => (holder.innerHTML = html));
  }
}
