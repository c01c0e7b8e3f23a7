// The system's file chooser and save dialog (GTK), driven with xdotool the
// way a user types into them.
import { execFile } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const xdotool = (...args) => promisify(execFile)("xdotool", args, { timeout: 20_000 });

// Windows of choosers already answered: one closing after its answer can still
// be mapped when the next chooser is asked for (X never reuses an id soon).
const answered = new Set();

/** The chooser titled `title` that no earlier call has answered, once it is mapped. */
async function newChooser(title) {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(100)) {
    const found = await xdotool("search", "--onlyvisible", "--name", title).catch(() => ({ stdout: "" }));
    const win = found.stdout.trim().split("\n").find((w) => w && !answered.has(w));
    if (win) return win;
  }
  throw new Error(`no new chooser titled "${title}" opened within 20 s`);
}

/** Waits for a new chooser titled `title`, gives it the keyboard and types `keys` into it. */
export async function inChooser(title, ...keys) {
  const win = await newChooser(title);
  answered.add(win);
  await xdotool("windowfocus", "--sync", win);
  // GTK realizes the dialog's widgets after it is mapped and focused, and opens
  // the location entry on the first "/" typed: keys sent before either are
  // dropped (a busy machine showed both). Nothing outside GTK can see when they
  // are ready, so each gets a settling pause.
  await sleep(400);
  for (const k of keys) {
    if (k.startsWith("key:")) {
      await xdotool("key", "--window", win, "--clearmodifiers", k.slice(4));
      // Escape closes the dialog on the key's press, so its release reaches no
      // window and the server keeps the key down: auto-repeat then sent Escape
      // to the next app, clearing every field typed into. Release it for sure.
      await xdotool("keyup", k.slice(4));
    }
    else {
      await xdotool("type", "--window", win, "--delay", "30", k.slice(0, 1));
      await sleep(400);
      await xdotool("type", "--window", win, "--delay", "30", k.slice(1));
    }
  }
}

