// Test backend: routes invoke() calls through @tauri-apps/api/mocks to per-command
// handlers and records every call, so tests exercise the real bindings and api module.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import type { Diagnosis, IpcError } from "../api";

type Handler = (args: Record<string, unknown>) => unknown;

export interface Backend {
  calls: { cmd: string; args: Record<string, unknown> }[];
  callsTo: (cmd: string) => Record<string, unknown>[];
}

export function mockBackend(handlers: Record<string, Handler>): Backend {
  const calls: Backend["calls"] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const handler = handlers[cmd];
    if (handler === undefined) throw new Error(`unexpected command ${cmd}`);
    return handler(args);
  });
  return { calls, callsTo: (cmd) => calls.filter((c) => c.cmd === cmd).map((c) => c.args) };
}

/** What the Rust side returns as Err(IpcError): invoke rejects with the plain object. */
export function ipcError(kind: IpcError["kind"], message: string, diagnosis?: Diagnosis): IpcError {
  return { kind, message, diagnosis: diagnosis ?? null };
}

/**
 * Sends messages down a Channel the way Tauri's Rust side does: through the
 * webview callback registered for the channel, with a running index.
 */
export function channelSender<T>(channel: Channel<T>): (message: T) => void {
  let index = 0;
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  return (message) => {
    internals.runCallback(channel.id, { index, message });
    index += 1;
  };
}
