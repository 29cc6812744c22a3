// A careful recruit at the keyboard, at real-time pace: the browser twin of
// src/analysis/recruit.ts. It follows a good path (a golden log's lines and desk work, in order),
// reads 7 s before answering and works the desk in 2 s, keeps the customer company through waits
// with the playbook's lines, holds for a long wait, checks back, and resumes once the tools have
// answered. Time is Playwright's fake clock, moved as the recruit waits; the game runs it as it
// runs for a person. Everything is read as a person reads it: whose turn the screen says it is,
// the lines on offer, the tools' words and buttons, which controls are live, the facts, the clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { CAREFUL, recruitIntents, type RecruitPace } from '../../src/analysis/recruit.ts';
import { ROOT } from '../../src/cli/repo.ts';
import { TOOL_IDS, type ScenarioModel, type ToolId } from '../../src/engine/model.ts';
import type { LogEntry } from '../../src/engine/replay.ts';
import type { LoggedAction } from '../../src/engine/types.ts';
import { DEBRIEF, knownFacts, type Texts } from './player.ts';

// As in src/analysis/recruit.ts (not exported there).
/** Real time after which an intended action that never comes is given up. */
const GIVE_UP_MS = 90_000;
const MAX_REAL_MS = 30 * 60_000;
/** Past the pick-up, the lines panel must say whose turn it is within this time. */
const UNREAD_MS = 5_000;
/**
 * A tool still busy this long (call time) after it was pressed makes a hold worth asking for.
 * recruit.ts asks when a tool has 30 s or more still to run, which no one can see on screen; the
 * two rules hold the same times on every difficulty 1–2 call.
 */
const LONG_WAIT_MS = 30_000;
const CHECK_IN_MARGIN = 10_000;
/** How long the words of a hold request and of a check-in take (the engine counts from their end). */
const HOLD_ASK_MS = 4_000;
const CHECK_IN_MS = 3_000;
/**
 * How often the recruit looks at the screen when nothing is due: a glance every half second
 * (recruit.ts looks every 100 ms; run with 500 ms frames it scores the same on every difficulty
 * 1–2 call). A reading or a silence that ends sooner is looked at when it ends.
 */
const LOOK_MS = 500;
/** The game's loop takes at most this much time per frame (src/ui/CallScreen.ts). */
const MAX_FRAME_MS = 250;

type Ui = {
  call: Record<string, string> & {
    turnLabel: Record<string, string>;
    press: Record<string, string>;
    ticketClass: Record<'category' | 'priority', string>;
  };
  toolStatus: Record<string, string>;
  tools: Record<string, string>;
};
const UI = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'ui.json'), 'utf8')) as Ui;
/** A word of the call screen in English (locales/en/ui.json `call.<key>`). */
function word(key: string): string {
  const w = UI.call[key];
  if (typeof w !== 'string') throw new Error(`locales/en/ui.json has no call.${key}`);
  return w;
}
const BUSY = new Set(['running', 'frozen', 'restarting'].map((s) => UI.toolStatus[s]!));

/**
 * How the fake clock is moved; either way the game's clock keeps pace with it. `frames`: one
 * game frame per step of at most 250 ms (`fastForward`; the game's loop takes up to 250 ms a
 * frame); `realtime`: `runFor`, every 16 ms frame of a real browser, about three times slower.
 */
export type ClockDrive = 'frames' | 'realtime';

export async function advanceClock(page: Page, ms: number, drive: ClockDrive): Promise<void> {
  if (drive === 'realtime') return page.clock.runFor(ms);
  for (let left = ms; left > 0; left -= MAX_FRAME_MS) await page.clock.fastForward(Math.min(MAX_FRAME_MS, left));
}

// ---- Reading the screen through its accessibility tree -------------------------------------

type AxNode = { role: string; name: string; disabled: boolean; text: string; children: AxNode[] };

function axNode(key: string, value: unknown): AxNode {
  const m = /^([\w/-]+)(?: "((?:[^"\\]|\\.)*)")?(.*)$/s.exec(key);
  const children = Array.isArray(value) ? axNodes(value) : [];
  const text = value === null || value === undefined || Array.isArray(value) ? '' : String(value);
  return {
    role: m?.[1] ?? key,
    name: m?.[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : '',
    disabled: /\[disabled\]/.test(m?.[3] ?? ''),
    text,
    children,
  };
}

function axNodes(value: unknown): AxNode[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    typeof item === 'string'
      ? [axNode(item, null)]
      : item && typeof item === 'object'
        ? Object.entries(item as Record<string, unknown>).map(([k, v]) => axNode(k, v))
        : [],
  );
}

/** An ARIA snapshot (Playwright's YAML) as a tree. */
export function parseAria(snapshot: string): AxNode[] {
  return axNodes(parse(snapshot));
}

function walk(nodes: readonly AxNode[], out: AxNode[] = []): AxNode[] {
  for (const n of nodes) (out.push(n), walk(n.children, out));
  return out;
}

function textOf(n: AxNode): string {
  return [n.name, n.text, ...n.children.map(textOf)].filter(Boolean).join(' ');
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

type Turn = 'customer' | 'agent' | 'trainee' | 'desk' | 'hold' | 'ended' | null;

type ToolSeen = { readonly id: ToolId; readonly status: string; readonly press: string | null };
type ControlsSeen = Readonly<Record<'hold' | 'checkIn' | 'resume' | 'diagnose' | 'hangUp', boolean>>;

function turnOf(status: string): Turn {
  if (!UI.call.turnLabel) throw new Error('locales/en/ui.json has no call.turnLabel: whose turn it is cannot be read');
  for (const [turn, label] of Object.entries(UI.call.turnLabel)) if (status.startsWith(label)) return turn as Turn;
  return null;
}

/** One glance at the screen: each panel read once, when the recruit needs it. */
class Glance {
  private seen: {
    turn?: Turn;
    lines?: ReadonlyMap<string, number>;
    tools?: ToolSeen[];
    controls?: ControlsSeen;
    facts?: string[];
    time?: number;
  } = {};
  constructor(private readonly page: Page) {}

  /** Whose turn the lines panel says it is: one short read, at every glance. */
  async turn(): Promise<Turn> {
    if (this.seen.turn === undefined) {
      const status = this.page.getByRole('region', { name: word('choices'), exact: true }).getByRole('status');
      this.seen.turn = turnOf(squash(await status.innerText()));
    }
    return this.seen.turn;
  }

  /** The lines that can be said now (text → its number): only on the trainee's turn are they buttons. */
  async lines(): Promise<ReadonlyMap<string, number>> {
    if (this.seen.lines) return this.seen.lines;
    const sayable = new Map<string, number>();
    if ((await this.turn()) === 'trainee') {
      const region = this.page.getByRole('region', { name: word('choices'), exact: true });
      for (const b of walk(parseAria(await region.ariaSnapshot())).filter((n) => n.role === 'button')) {
        const m = /^(\d) (.*)$/s.exec(b.name);
        if (m) sayable.set(squash(m[2]!), Number(m[1]));
      }
    }
    this.seen.lines = sayable;
    return sayable;
  }

  async tools(): Promise<ToolSeen[]> {
    if (this.seen.tools) return this.seen.tools;
    const desk = this.page.getByRole('region', { name: word('desk'), exact: true });
    const groups = parseAria(await desk.ariaSnapshot()).flatMap((n) => (n.role === 'region' ? n.children : [n]));
    this.seen.tools = groups
      .filter((g) => g.role === 'group')
      .map((g, i) => {
        const id = TOOL_IDS[i]!;
        const button = g.children.find((n) => n.role === 'button');
        // The button's name says what a press does and the tool's state: "Run — CRM (ready)".
        const m = button ? /^(.+?) — .+? \((.+?)\)/.exec(button.name) : null;
        const shown = squash(
          g.children
            .filter((n) => n.role === 'text')
            .map(textOf)
            .join(' '),
        );
        const status = m?.[2] ?? shown.replace(UI.tools[id]!, '').trim();
        return { id, status, press: m?.[1] ?? null };
      });
    return this.seen.tools;
  }

  async controls(): Promise<ControlsSeen> {
    if (this.seen.controls) return this.seen.controls;
    const region = this.page.getByRole('region', { name: word('controls'), exact: true });
    const buttons = walk(parseAria(await region.ariaSnapshot())).filter((n) => n.role === 'button');
    const live = (label: string): boolean => buttons.some((b) => b.name.startsWith(label) && !b.disabled);
    this.seen.controls = {
      hold: live(word('hold')),
      checkIn: live(word('checkIn')),
      resume: live(word('resume')),
      diagnose: live(word('diagnose')),
      hangUp: live(word('hangUp')),
    };
    return this.seen.controls;
  }

  async facts(): Promise<string[]> {
    this.seen.facts ??= (await knownFacts(this.page)).map(squash);
    return this.seen.facts;
  }

  /** The call's clock as shown (mm:ss), in ms. */
  async time(): Promise<number> {
    if (this.seen.time === undefined) {
      const [m, s] = (await this.page.getByRole('timer').innerText()).trim().split(':').map(Number);
      this.seen.time = (m! * 60 + s!) * 1000;
    }
    return this.seen.time;
  }

  async busy(): Promise<ToolSeen[]> {
    return (await this.tools()).filter((t) => BUSY.has(t.status));
  }
}

// ---- The recruit -------------------------------------------------------------------------

export type RecruitStep = { readonly real: number; readonly shown: number; readonly what: string };

export type BrowserRecruitPlay = {
  /** Real (fake-clock) ms from the pick-up until the call was over or the path done. */
  readonly realMs: number;
  /** What the recruit did, when: for the report of a call lost. */
  readonly steps: readonly RecruitStep[];
  readonly ended: boolean;
};

export type RecruitOptions = {
  readonly pace?: RecruitPace;
  readonly drive?: ClockDrive;
};

/** The playbook's lines a recruit says to keep the customer company, in the playbook's order, and those said only once. */
function fillers(
  sc: ScenarioModel,
  texts: Texts,
): { readonly lines: readonly string[]; readonly once: ReadonlySet<string> } {
  const free = (c: number): boolean => sc.choices[c]!.effects.add.every(([, v]) => v >= 0);
  const text = (c: number): string => squash(texts.choice(sc.choices[c]!.id));
  const lines = [...new Set(sc.generic.filter(free).map(text))];
  // A stall that costs when said again ("One moment, I'm checking" twice): once only.
  const once = new Set(sc.generic.filter((c) => !free(c)).map(text));
  return { lines, once };
}

/** Picks up: the phone rings, the recruit presses Enter. Returns when the call has started. */
export async function pickUpRinging(page: Page, drive: ClockDrive): Promise<void> {
  const pickUp = page.getByRole('button', { name: /^Pick up/ });
  for (let i = 0; i < 300 && (await pickUp.count()) === 0; i++) await advanceClock(page, 100, drive);
  // The keys are listened to from the task after the screen opened.
  await advanceClock(page, 100, drive);
  await page.keyboard.press('Enter');
}

/**
 * Plays `plan` (a good path; its playbook lines, check-ins and resumes are left to the recruit's
 * judgement) on the call picked up in `page`, until the call ends.
 */
export async function playAsRecruitInPage(
  page: Page,
  sc: ScenarioModel,
  plan: readonly LogEntry[],
  texts: Texts,
  options: RecruitOptions = {},
): Promise<BrowserRecruitPlay> {
  const pace = options.pace ?? CAREFUL;
  const drive = options.drive ?? 'frames';
  const intents = recruitIntents(sc, plan);
  const company = fillers(sc, texts);
  const steps: RecruitStep[] = [];
  const said = new Map<string, number>();
  const pressedAt = new Map<ToolId, number>();
  let real = 0;
  let next = 0;
  let readyAt = -1;
  let wantedSince = 0;
  let silentSince = -1;
  let heldAt = 0;
  let holds = 0;
  let lastContact = 0;
  let g = new Glance(page);
  const note = async (what: string): Promise<void> => {
    steps.push({ real, shown: await g.time(), what });
  };

  const legal = async (a: LoggedAction): Promise<boolean> => {
    switch (a.type) {
      case 'say':
        return (await g.lines()).has(squash(texts.choice(a.choice)));
      case 'runTool':
      case 'restartTool': {
        const tool = (await g.tools()).find((t) => t.id === a.tool);
        return tool?.press === UI.call.press[a.type === 'runTool' ? 'run' : 'restart'];
      }
      case 'hold':
        return (await g.controls()).hold;
      case 'diagnose':
        return (await g.controls()).diagnose;
      case 'writeTicket': {
        const known = await g.facts();
        return (await g.turn()) !== 'ended' && a.notes.every((f) => known.includes(squash(texts.fact(f))));
      }
      case 'saveTicket':
        return (await g.tools()).find((t) => t.id === 'ticket')?.status === UI.toolStatus.idle;
      case 'classifyTicket':
        return (await g.turn()) !== 'ended';
      case 'hangUp':
        return (await g.controls()).hangUp;
      default:
        return false;
    }
  };

  const say = async (text: string): Promise<void> => {
    const n = (await g.lines()).get(text)!;
    await note(`say “${text.slice(0, 50)}”`);
    await page.keyboard.press(String(n));
  };

  /** Does `a` by keyboard; false when the screen turned it down (the diagnosis not offered in its form). */
  const perform = async (a: LoggedAction): Promise<boolean> => {
    switch (a.type) {
      case 'say':
        await say(squash(texts.choice(a.choice)));
        return true;
      case 'runTool':
      case 'restartTool':
        await note(`${a.type} ${a.tool}`);
        pressedAt.set(a.tool, await g.time());
        await page.keyboard.press(`Shift+Digit${TOOL_IDS.indexOf(a.tool) + 1}`);
        return true;
      case 'hold':
        await note('hold (asking)');
        lastContact = (await g.time()) + HOLD_ASK_MS;
        await page.keyboard.press('h');
        return true;
      case 'diagnose': {
        await note(`diagnose ${a.diagnosis}`);
        await page.keyboard.press('d');
        const dialog = page.getByRole('dialog', { name: word('diagnoseTitle') });
        const option = dialog.getByRole('button', { name: texts.diagnosis(a.diagnosis), exact: true });
        if (await option.isEnabled()) {
          await option.press('Enter');
          return true;
        }
        await note(`diagnosis ${a.diagnosis} not offered`);
        await dialog.getByRole('button', { name: word('cancel'), exact: true }).press('Enter');
        return false;
      }
      case 'writeTicket': {
        await note(`notes ${a.notes.join(', ')}`);
        await page.keyboard.press('t');
        const dialog = page.getByRole('dialog', { name: word('ticketTitle') });
        const wanted = new Set(a.notes.map((f) => squash(texts.fact(f))));
        for (const fact of await g.facts()) {
          const box = dialog.getByRole('checkbox', { name: fact, exact: true });
          if ((await box.isChecked()) !== wanted.has(fact)) await box.press('Space');
        }
        // Closing keeps the notes (they are written as they are ticked).
        await dialog.getByRole('button', { name: word('closeKeep'), exact: true }).press('Enter');
        return true;
      }
      case 'saveTicket': {
        await note('save the ticket');
        await page.keyboard.press('t');
        const save = page.getByRole('dialog', { name: word('ticketTitle') }).getByRole('button', {
          name: word('saveTicket'),
          exact: true,
        });
        await save.press('Enter');
        return true;
      }
      case 'classifyTicket': {
        await note(`ticket ${a.category}, ${a.priority}`);
        await page.keyboard.press('t');
        const dialog = page.getByRole('dialog', { name: word('ticketTitle') });
        await dialog
          .getByRole('combobox', { name: UI.call.ticketClass.category, exact: true })
          .selectOption({ label: texts.ticketClass('categories', a.category) });
        await dialog
          .getByRole('combobox', { name: UI.call.ticketClass.priority, exact: true })
          .selectOption({ label: texts.ticketClass('priorities', a.priority) });
        await dialog.getByRole('button', { name: word('closeKeep'), exact: true }).press('Enter');
        return true;
      }
      case 'hangUp':
        await note('hang up');
        await page.keyboard.press('x');
        return true;
      default:
        throw new Error(`no keyboard route for ${a.type}`);
    }
  };

  /** A playbook line on offer: one not said yet first, else the one said longest ago; a costly stall never twice. */
  const companyLine = async (): Promise<string | null> => {
    const sayable = await g.lines();
    const offered = company.lines.filter((l) => sayable.has(l) && !(company.once.has(l) && said.has(l)));
    return offered.find((l) => !said.has(l)) ?? [...offered].sort((a, b) => said.get(a)! - said.get(b)!)[0] ?? null;
  };

  while (real < MAX_REAL_MS) {
    g = new Glance(page);
    const turn = await g.turn();
    if (turn === 'ended') break;
    if (turn === null && real > UNREAD_MS) {
      const status = await page
        .getByRole('region', { name: word('choices'), exact: true })
        .getByRole('status')
        .innerText();
      throw new Error(`cannot tell whose turn it is from the lines panel's status: “${status}”`);
    }
    let step = LOOK_MS;
    if (turn === 'hold') {
      // Back when the tools have answered; a word before the customer finds the hold too long.
      if ((await g.busy()).length === 0 && real >= heldAt + pace.deskMs && (await g.controls()).resume) {
        await note('resume (thanks)');
        await page.keyboard.press('r');
      } else if (
        (await g.time()) >= lastContact + sc.scoring.checkInEvery - CHECK_IN_MARGIN &&
        (await g.controls()).checkIn
      ) {
        await note('check back');
        lastContact = (await g.time()) + CHECK_IN_MS;
        await page.keyboard.press('c');
      }
      await advanceClock(page, step, drive);
      real += step;
      continue;
    }
    const want = intents[next];
    const wantLegal = want ? await legal(want) : false;
    if (want && wantLegal) {
      if (readyAt < 0) readyAt = real + (want.type === 'say' ? pace.readMs : pace.deskMs);
      if (real >= readyAt) {
        if (await perform(want)) {
          next++;
          wantedSince = real;
          if (want.type === 'hold') ((heldAt = real), holds++);
        }
        readyAt = -1;
        continue;
      }
      step = Math.min(step, readyAt - real);
    } else {
      readyAt = -1;
      if (want && real - wantedSince > GIVE_UP_MS) {
        await note(`gave up waiting to ${want.type} ${JSON.stringify(want)}`);
        next++;
        wantedSince = real;
      }
    }
    // Keeping the customer company: a playbook line once the silence has lasted a reading time.
    const silent = turn === 'trainee' || turn === 'desk';
    if (!silent) silentSince = -1;
    else if (silentSince < 0) silentSince = real;
    else if (real - silentSince >= pace.readMs && !wantLegal) {
      // A long wait ahead (a tool still busy well after it was pressed): ask to hold rather than fill it.
      const now = await g.time();
      const long = (await g.busy()).some((t) => now - (pressedAt.get(t.id) ?? 0) >= LONG_WAIT_MS);
      if (long && (await g.controls()).hold && holds < 2) {
        await note('hold (asking), for a long wait');
        lastContact = now + HOLD_ASK_MS;
        await page.keyboard.press('h');
        heldAt = real;
        holds++;
      } else {
        const line = await companyLine();
        if (line) {
          await say(line);
          said.set(line, real);
          silentSince = -1;
        }
      }
    }
    // Look again when the silence reaches a reading time, not a glance later.
    const due = silentSince + pace.readMs - real;
    if (silent && silentSince >= 0 && due > 0) step = Math.min(step, due);
    if (!want && turn === 'desk' && (await g.busy()).length === 0) break;
    await advanceClock(page, step, drive);
    real += step;
  }
  const realMs = real;
  // The last words are said, the customer hangs up, the result is stored: the way to the debrief.
  const debrief = page.getByRole('button', { name: DEBRIEF });
  for (let i = 0; i < 600 && (await debrief.count()) === 0; i++) await advanceClock(page, 500, drive);
  return { realMs, steps, ended: (await debrief.count()) > 0 };
}
