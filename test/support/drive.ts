// Driving the engine in tests: apply actions, collect events, wait until things happen.
import { nextEventAt } from '../../src/engine/clock.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { Action, CallState, EngineEvent, Mode } from '../../src/engine/types.ts';

export class Driver {
  state: CallState;
  readonly events: EngineEvent[] = [];

  constructor(
    readonly sc: ScenarioModel,
    seed = 1,
    mode: Mode = 'training',
  ) {
    this.state = initialState(sc, seed, mode);
  }

  do(action: Action): EngineEvent[] {
    const r = step(this.sc, this.state, action);
    this.state = r.state;
    this.events.push(...r.events);
    return [...r.events];
  }

  say(choice: string): EngineEvent[] {
    return this.do({ type: 'say', choice });
  }

  tick(ms: number): EngineEvent[] {
    return this.do({ type: 'tick', ms });
  }

  /** Lets time run until nobody speaks and nothing is queued. */
  settle(): EngineEvent[] {
    const out: EngineEvent[] = [];
    for (let i = 0; i < 20 && (this.state.speech || this.state.queue.length) && !this.state.ended; i++) {
      out.push(...this.tick(nextEventAt(this.sc, this.state) - this.state.time));
    }
    return out;
  }

  /** Says a line and waits for the answer. */
  talk(choice: string): EngineEvent[] {
    const said = this.say(choice);
    if (said.some((e) => e.type === 'rejected')) throw new Error(`rejected ${choice}: ${JSON.stringify(said)}`);
    return [...said, ...this.settle()];
  }

  of<T extends EngineEvent['type']>(type: T): Extract<EngineEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
  }
}
