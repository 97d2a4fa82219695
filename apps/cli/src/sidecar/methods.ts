/** Version of the sidecar protocol (docs/sidecar.md); bumped when a method changes incompatibly. */
export const SIDECAR_VERSION = 1;

/** The requests a shell may send; `run.event` and `run.stream_error` are the notifications it receives. */
export const SIDECAR_METHODS = ['health', 'graphs.list', 'graphs.validate', 'run.start', 'run.get', 'run.resume', 'run.cancel', 'tools.list', 'tools.call', 'shutdown'] as const;
