// The one zod schema for scenarios and the playbook: TypeScript types, runtime checks and the
// JSON Schema for editors all come from here. Descriptions are bilingual for hover help.
import { z } from 'zod';
import { PERSONAS, TOOL_IDS, TONES, OUTCOMES, PHASES } from '../engine/model.ts';
import { LANGS } from '../i18n/lang.ts';
import { PORTRAIT_AGES, PORTRAIT_GENDERS, PORTRAIT_HAIR, PORTRAIT_SKIN, PORTRAIT_TRAITS } from '../engine/portrait.ts';

/** A bilingual description: French first, then English. */
const d = (fr: string, en: string): string => `${fr}\n\n${en}`;

export { PERSONAS, TOOL_IDS, TONES, OUTCOMES, PHASES } from '../engine/model.ts';
export type { Persona, ToolId, Tone, Outcome, Phase } from '../engine/model.ts';

import { ID_RE } from './ids.ts';
export { ID_RE, RESERVED_IDS } from './ids.ts';

const Id = z
  .string()
  .regex(ID_RE)
  .describe(
    d(
      'Identifiant stable : minuscules, chiffres, _ ou -, commençant par une lettre (sauf constructor et prototype).',
      'Stable id: lower case letters, digits, _ or -, starting with a letter (except constructor and prototype).',
    ),
  );
/** Names given as map keys (nodes, facts, diagnoses, variables) are ids too: they become i18n keys. */
const IdKey = z.string().regex(ID_RE);

/** A weight in a score: zero or more, never so large that sums overflow. */
const Weight = z.number().min(0).max(1000);

export const Duration = z
  .union([
    z.number().nonnegative().describe(d('Durée en secondes.', 'Duration in seconds.')),
    z
      .string()
      .regex(/^\s*(\d+h)?\s*(\d+m)?\s*(\d+s)?\s*(\d+ms)?\s*$/)
      .refine((s) => s.trim() !== ''),
  ])
  .describe(
    d(
      'Durée : 90s, 6m, 1m30s, 500ms, ou un nombre de secondes.',
      'Duration: 90s, 6m, 1m30s, 500ms, or a number of seconds.',
    ),
  );

export const DurationRange = z
  .union([
    Duration,
    z
      .string()
      .regex(/^\s*\S+\s*\.\.\s*\S+\s*$/)
      .describe(
        d(
          'Intervalle tiré au hasard (avec la graine de l\'appel) : "2s..8s".',
          'Range drawn at random (with the call\'s seed): "2s..8s".',
        ),
      ),
    z.object({ min: Duration, max: Duration }).strict(),
  ])
  .describe(d('Durée fixe ou intervalle "min..max".', 'Fixed duration or a "min..max" range.'));

export const Condition = z
  .string()
  .min(1)
  .describe(
    d(
      'Condition : and/or/not (et/ou/non), comparaisons, knows(fait), done(étape), said(choix), visited(nœud), diagnosed(diag), running(outil), crashed(outil), frozen(outil), cause(cause), elapsed, onHold.',
      'Condition: and/or/not (et/ou/non), comparisons, knows(fact), done(step), said(choice), visited(node), diagnosed(diag), running(tool), crashed(tool), frozen(tool), cause(cause), elapsed, onHold.',
    ),
  );

/** The longest text content may hold (a line, a tool's window, a coach note): the library's longest is under 1,000. */
export const MAX_TEXT = 2_000;
/** The longest label (a title, a step, a diagnosis, a category): shown on one line. */
export const MAX_LABEL = 120;
/** The longest name a customer may have. */
export const MAX_NAME = 60;

const Text = z
  .string()
  .min(1)
  .max(MAX_TEXT)
  .describe(
    d(
      'Texte dans la langue de la source (lang). Mettez-le entre guillemets s\'il contient " : ".',
      'Text in the source language (lang). Quote it if it contains " : ".',
    ),
  );

const Label = z
  .string()
  .min(1)
  .max(MAX_LABEL)
  .describe(
    d(
      `Libellé court (au plus ${MAX_LABEL} caractères), dans la langue de la source (lang).`,
      `A short label (at most ${MAX_LABEL} characters), in the source language (lang).`,
    ),
  );

const VarEffects = {
  set: z
    .record(z.string(), z.number().int())
    .optional()
    .describe(
      d(
        'Fixe des variables du client à une valeur : { anger: 3 }.',
        'Sets customer variables to a value: { anger: 3 }.',
      ),
    ),
  add: z
    .record(z.string(), z.number().int())
    .optional()
    .describe(
      d(
        'Ajoute à des variables du client (négatif pour retirer) : { anger: -1 }.',
        'Adds to customer variables (negative to subtract): { anger: -1 }.',
      ),
    ),
  learn: z.array(Id).optional().describe(d('Faits appris.', 'Facts learned.')),
};

export const Effects = z
  .object({
    ...VarEffects,
    diagnose: Id.optional().describe(d('Cette réplique énonce ce diagnostic.', 'This line states this diagnosis.')),
    goto: Id.optional().describe(
      d('Nœud suivant (la réplique du client qui répond).', "Next node (the customer's answer)."),
    ),
    end: z
      .enum(OUTCOMES)
      .optional()
      .describe(d("Termine l'appel avec cette issue.", 'Ends the call with this outcome.')),
  })
  .strict();

const Variant = z
  .object({
    id: Id,
    if: Condition.optional(),
    text: Text,
  })
  .strict()
  .describe(
    d(
      'Variante de réplique : la première dont la condition tient est dite.',
      'Line variant: the first whose condition holds is said.',
    ),
  );

export const CustomerLine = z
  .union([Text, z.array(Variant).min(1)])
  .describe(
    d(
      "Ce que dit le client : un texte, ou des variantes selon l'humeur.",
      'What the customer says: a text, or variants by mood.',
    ),
  );

export const Choice = z
  .object({
    id: Id.describe(d("Identifiant unique dans tout l'appel.", 'Id unique across the whole call.')),
    text: Text.describe(d('Ce que dit le stagiaire.', 'What the trainee says.')),
    tone: z
      .union([z.enum(TONES), z.array(z.enum(TONES))])
      .optional()
      .describe(
        d(
          'Ton de la réplique (lu par le barème et la réaction du client).',
          "Tone of the line (read by scoring and the customer's reaction).",
        ),
      ),
    step: z
      .union([Id, z.array(Id)])
      .optional()
      .describe(d('Étape(s) du playbook que cette réplique accomplit.', 'Playbook step(s) this line performs.')),
    if: Condition.optional().describe(
      d('Proposée seulement si cette condition tient.', 'Offered only when this condition holds.'),
    ),
    once: z
      .boolean()
      .optional()
      .describe(
        d(
          'Ne plus la proposer une fois dite (par défaut : oui si pas de goto).',
          'Not offered again once said (default: yes when there is no goto).',
        ),
      ),
    duration: Duration.optional().describe(
      d('Durée de parole (sinon déduite de la longueur du texte).', 'Speaking time (otherwise from the text length).'),
    ),
    reply: CustomerLine.optional().describe(
      d(
        "Réponse immédiate du client à cette réplique : un texte, ou des variantes selon l'humeur (la première dont la condition tient).",
        "The customer's immediate reply to this line: a text, or variants by mood (the first whose condition holds).",
      ),
    ),
    coach: Text.optional().describe(
      d(
        'Conseil affiché en mode formation après cette réplique.',
        'Coaching note shown in training mode after this line.',
      ),
    ),
    then: Effects.optional().describe(
      d('Ce qui se passe une fois la réplique dite.', 'What happens once the line is said.'),
    ),
    critical: Id.optional().describe(
      d(
        'Faute éliminatoire que cette réplique commet (un id de la liste `fatal` du playbook : password, promise, legal…).',
        "Critical mistake this line makes (an id from the playbook's `fatal` list: password, promise, legal…).",
      ),
    ),
    rank: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        d(
          "Rang d'une question de filtrage, de la cause la plus simple (1) à la plus complexe : posée alors qu'une question plus simple du même nœud et de la même étape était proposée, elle coûte la ligne « la cause la plus simple d'abord ».",
          'Rank of a filter question, from the simplest cause (1) up: asked while a simpler question of the same node and step was on offer, it costs the "simplest cause first" line.',
        ),
      ),
    account: z
      .boolean()
      .optional()
      .describe(
        d(
          "La réplique agit sur le compte ou en divulgue le contenu : éliminatoire avant la vérification d'identité.",
          'The line acts on or discloses the account: a critical fail before identity is verified.',
        ),
      ),
  })
  .strict();

export const Node = z
  .object({
    customer: CustomerLine.optional(),
    enter: z
      .object(VarEffects)
      .strict()
      .optional()
      .describe(d("Effets à l'entrée du nœud.", 'Effects when the node is entered.')),
    choices: z
      .array(Choice)
      .optional()
      .describe(d('Les répliques proposées au stagiaire à ce nœud.', 'The lines offered to the trainee at this node.')),
    end: z
      .enum(OUTCOMES)
      .optional()
      .describe(
        d(
          "Nœud final : l'appel se termine après la réplique du client.",
          "Final node: the call ends after the customer's line.",
        ),
      ),
    note: z
      .string()
      .optional()
      .describe(
        d(
          'Note pour les formateurs (jamais affichée au stagiaire).',
          'Note for trainers (never shown to the trainee).',
        ),
      ),
  })
  .strict();

const Fault = z
  .object({
    onUse: z.number().int().positive().optional().describe(d('À la n-ième utilisation.', 'On the n-th use.')),
    at: Duration.optional().describe(d("À ce moment de l'appel.", 'At this time of the call.')),
  })
  .strict();

export const Crash = Fault.extend({
  after: Duration.optional().describe(
    d('Délai après le lancement (défaut 2s).', 'Delay after the run starts (default 2s).'),
  ),
  restart: Duration.describe(d('Temps de redémarrage.', 'Restart time.')),
}).strict();

export const Freeze = Fault.extend({
  for: DurationRange.describe(d('Durée du gel.', 'How long it stays frozen.')),
}).strict();

export const ToolOutcome = z
  .object({
    id: Id,
    if: Condition.optional(),
    text: Text.describe(d("Ce que la fenêtre de l'outil affiche.", 'What the tool window shows.')),
    ...VarEffects,
  })
  .strict();

export const ToolConfig = z
  .object({
    latency: DurationRange.optional().describe(d('Temps de réponse.', 'Response time.')),
    crash: z
      .union([Crash, z.array(Crash)])
      .optional()
      .describe(
        d(
          'Plantage(s) : à la n-ième utilisation (onUse) ou à un moment (at), avec le temps de redémarrage.',
          'Crash(es): on the n-th use (onUse) or at a time (at), with the restart time.',
        ),
      ),
    freeze: z
      .union([Freeze, z.array(Freeze)])
      .optional()
      .describe(
        d(
          "Gel(s) « ne répond pas » : la progression s'arrête pendant for.",
          '"Not responding" freeze(s): progress stops for `for`.',
        ),
      ),
    outcomes: z
      .array(ToolOutcome)
      .optional()
      .describe(
        d(
          'Résultats : le premier dont la condition tient à la fin du traitement.',
          'Results: the first whose condition holds when the run ends.',
        ),
      ),
  })
  .strict();

export const VarDecl = z
  .union([
    z.number().int(),
    z
      .object({
        init: z.number().int().describe(d("Valeur au début de l'appel.", 'Value when the call starts.')),
        min: z.number().int().optional().describe(d('Borne basse (défaut 0).', 'Lower bound (default 0).')),
        max: z.number().int().optional().describe(d('Borne haute (défaut 10).', 'Upper bound (default 10).')),
      })
      .strict(),
  ])
  .describe(
    d(
      'Valeur initiale, ou { init, min, max } (bornes par défaut 0..10).',
      'Initial value, or { init, min, max } (default bounds 0..10).',
    ),
  );

export const StepDecl = z
  .object({
    id: Id,
    phase: z
      .enum(PHASES)
      .describe(d("Phase de l'appel : opening, middle ou closing.", 'Phase of the call: opening, middle or closing.')),
    weight: Weight.describe(d('Poids dans le score de processus.', 'Weight in the process score.')),
    label: Label,
    tool: z
      .enum(TOOL_IDS)
      .optional()
      .describe(
        d("Un traitement réussi de cet outil accomplit l'étape.", 'A successful run of this tool performs the step.'),
      ),
    after: z.array(Id).optional().describe(d('Étapes à faire avant celle-ci.', 'Steps to do before this one.')),
    fatalIfEarly: z
      .boolean()
      .optional()
      .describe(d('Faire cette étape trop tôt est éliminatoire.', 'Doing this step too early is an automatic fail.')),
    required: z
      .boolean()
      .optional()
      .describe(d('Attendue dans chaque appel (défaut : oui).', 'Expected in every call (default: yes).')),
    resolves: z
      .boolean()
      .optional()
      .describe(
        d(
          "Cette étape est la résolution de l'appel (solution appliquée ou escalade) : le ticket s'enregistre une fois qu'elle est faite.",
          "This step is the call's resolution (fix applied or case escalated): the ticket is saved once it is done.",
        ),
      ),
  })
  .strict();

/** The customer's portrait (src/engine/portrait.ts): each key optional. */
const Portrait = z
  .object({
    gender: z
      .enum(PORTRAIT_GENDERS)
      .optional()
      .describe(d('woman (une femme), man (un homme) ou neutral (neutre).', 'woman, man or neutral.')),
    age: z
      .enum(PORTRAIT_AGES)
      .optional()
      .describe(d('young (jeune), adult (adulte) ou senior (âgé).', 'young, adult or senior.')),
    hair: z
      .enum(PORTRAIT_HAIR)
      .optional()
      .describe(
        d(
          'Couleur des cheveux : black, brown, auburn, blond, grey (gris) ou white (blancs).',
          'Hair colour: black, brown, auburn, blond, grey or white.',
        ),
      ),
    skin: z
      .enum(PORTRAIT_SKIN)
      .optional()
      .describe(d('Teint : light (clair), medium (mat) ou dark (foncé).', 'Skin tone: light, medium or dark.')),
    traits: z
      .array(z.enum(PORTRAIT_TRAITS))
      .max(PORTRAIT_TRAITS.length)
      .optional()
      .describe(
        d(
          "Détails : glasses (lunettes), beard (barbe), moustache, bald (chauve), headset (casque-micro), earrings (boucles d'oreilles). Aucun par défaut.",
          'Details: glasses, beard, moustache, bald, headset, earrings. None by default.',
        ),
      ),
  })
  .strict()
  .describe(
    d(
      'Le portrait du client : genre, âge, cheveux, teint, détails. Une clé absente prend la valeur du portrait par défaut du persona (et de figure) ; sans portrait, ce portrait par défaut. Remplace figure.',
      "The customer's portrait: gender, age, hair, skin, details. A key left out takes the persona's default portrait's value (and figure's); without portrait, that default portrait. Supersedes figure.",
    ),
  );

export const Scenario = z
  .object({
    $schema: z.string().optional(),
    id: Id.describe(d("Identifiant de l'appel, égal au nom du fichier.", 'Call id, equal to the file name.')),
    title: Label,
    persona: z
      .enum(PERSONAS)
      .describe(
        d(
          'Profil du client : angry (en colère), confused (perdu), technical (technicien).',
          'Customer profile: angry, confused or technical.',
        ),
      ),
    difficulty: z
      .number()
      .int()
      .min(0)
      .max(3)
      .describe(
        d(
          'Difficulté de 1 à 3 ; 0 pour un appel guidé (le coach montre le chemin, proposé en premier).',
          'Difficulty from 1 to 3; 0 for a guided call (the coach shows the way; offered first).',
        ),
      ),
    lang: z.enum(LANGS).describe(d('Langue des textes de ce fichier.', 'Language of the texts in this file.')),
    summary: Text.optional().describe(d('Résumé montré dans la liste des appels.', 'Summary shown in the call list.')),
    timeScale: z
      .number()
      .positive()
      .optional()
      .describe(d('Accélération du temps simulé (défaut 1).', 'Simulated time speed-up (default 1).')),
    maxDuration: Duration.optional().describe(
      d(
        'Durée maximale avant que le client raccroche (défaut 20m).',
        'Longest call before the customer hangs up (default 20m).',
      ),
    ),
    customer: z
      .object({
        name: z
          .string()
          .min(1)
          .max(MAX_NAME)
          .describe(
            d(
              `Nom du client tel que le stagiaire le voit (au plus ${MAX_NAME} caractères).`,
              `Customer name as the trainee sees it (at most ${MAX_NAME} characters).`,
            ),
          ),
        figure: z
          .enum(['f', 'm'])
          .optional()
          .describe(
            d(
              'Le portrait : une femme (f) ou un homme (m) ; par défaut celui du persona (angry : f, confused : f, technical : m).',
              "The portrait: a woman (f) or a man (m); by default the persona's (angry: f, confused: f, technical: m).",
            ),
          ),
        portrait: Portrait.optional(),
        vars: z
          .record(IdKey, VarDecl)
          .optional()
          .describe(
            d(
              "Variables du client : anger et patience (0..10) et celles que l'appel déclare.",
              'Customer variables: anger and patience (0..10) and any the call declares.',
            ),
          ),
      })
      .strict()
      .describe(
        d('Le client : son nom, son portrait et ses variables.', 'The customer: name, portrait and variables.'),
      ),
    facts: z
      .record(IdKey, Text)
      .optional()
      .describe(d('Faits à découvrir, avec leur libellé.', 'Facts to discover, with their label.')),
    causes: z
      .record(
        IdKey,
        z
          .object({
            note: z.string().optional().describe(d('Note pour les formateurs.', 'Note for trainers.')),
          })
          .strict(),
      )
      .optional()
      .describe(
        d(
          "Famille de symptômes : les causes possibles, tirées par la graine (une nouvelle graine, un nouveau cas). Chacune a ses faits, ses résultats d'outils (conditions cause(id)) et son bon diagnostic (diagnoses.<id>.cause).",
          'Symptom family: the possible causes, drawn by the seed (a new seed, a new case). Each has its facts, its tool results (cause(id) conditions) and its right diagnosis (diagnoses.<id>.cause).',
        ),
      ),
    tools: z
      .partialRecord(z.enum(TOOL_IDS), ToolConfig)
      .optional()
      .describe(d('Comportement des outils dans cet appel.', 'How the tools behave in this call.')),
    diagnoses: z
      .record(
        IdKey,
        z
          .object({
            label: Label.describe(d('Libellé proposé au stagiaire.', 'Label offered to the trainee.')),
            correct: z
              .boolean()
              .optional()
              .describe(d('Le bon diagnostic (un au moins).', 'The right diagnosis (at least one).')),
            cause: Id.optional().describe(
              d(
                'Dans une famille de symptômes : la cause (une de causes) pour laquelle ce diagnostic est le bon.',
                'In a symptom family: the cause (one of causes) for which this diagnosis is the right one.',
              ),
            ),
            evidence: Condition.optional().describe(
              d(
                "Ce qu'il faut savoir pour l'affirmer ; avant, c'est une supposition qui ne compte pas.",
                'What must be known to state it; before that it is a guess that does not count.',
              ),
            ),
          })
          .strict(),
      )
      .describe(d('Diagnostics proposés ; un au moins est correct.', 'Diagnoses offered; at least one is correct.')),
    par: z.object({ diagnosis: Duration }).strict().describe(d('Temps de référence.', 'Reference times.')),
    ticket: z
      .object({
        notes: z
          .array(Id)
          .describe(d('Identifiants des faits attendus dans les notes.', 'Ids of the facts expected in the notes.')),
        byCause: z
          .record(IdKey, z.array(Id))
          .optional()
          .describe(
            d(
              'Dans une famille de symptômes : les faits attendus en plus dans les notes, par cause.',
              'In a symptom family: the facts also expected in the notes, by cause.',
            ),
          ),
        unconfirmed: z
          .array(Id)
          .optional()
          .describe(
            d(
              'Faits jamais confirmés par le client (des suppositions plausibles), proposés dans le formulaire du ticket : les noter est une erreur.',
              'Facts the customer never confirmed (plausible assumptions), offered in the ticket form: noting one is a mistake.',
            ),
          ),
        category: Id.optional().describe(
          d(
            'La bonne catégorie du ticket (une de ticketNotes.categories du playbook).',
            "The ticket's right category (one of the playbook's ticketNotes.categories).",
          ),
        ),
        priority: Id.optional().describe(
          d(
            'La bonne priorité du ticket (une de ticketNotes.priorities du playbook).',
            "The ticket's right priority (one of the playbook's ticketNotes.priorities).",
          ),
        ),
      })
      .strict()
      .optional()
      .describe(d('Faits que les notes du ticket doivent contenir.', 'Facts the ticket notes must contain.')),
    steps: z
      .array(StepDecl)
      .optional()
      .describe(d('Étapes propres à cet appel, en plus du playbook.', 'Steps of this call, on top of the playbook.')),
    skipSteps: z
      .array(Id)
      .optional()
      .describe(d('Étapes du playbook non attendues dans cet appel.', 'Playbook steps not expected in this call.')),
    onHangUp: Id.optional().describe(
      d('Nœud joué quand le client raccroche de lui-même.', 'Node played when the customer hangs up on their own.'),
    ),
    start: Id.describe(
      d(
        'Nœud de départ (souvent sans réplique client : le stagiaire parle en premier).',
        'Start node (often without a customer line: the trainee speaks first).',
      ),
    ),
    nodes: z.record(IdKey, Node).describe(d('Les nœuds du dialogue, par identifiant.', 'The dialogue nodes, by id.')),
  })
  .strict();

/** A persona's reaction moves anger or patience by at most this much (their scale is 0..10). */
const Reaction = z.number().int().min(-10).max(10);

const ToneReaction = z
  .object({
    anger: Reaction.optional().describe(d('Variation de la colère (-10 à 10).', 'Change in anger (-10 to 10).')),
    patience: Reaction.optional().describe(
      d('Variation de la patience (-10 à 10).', 'Change in patience (-10 to 10).'),
    ),
  })
  .strict();

export const PersonaProfile = z
  .object({
    vars: z
      .object({
        anger: z.number().int().min(0).max(10).describe(d('Colère au début (0..10).', 'Anger at the start (0..10).')),
        patience: z
          .number()
          .int()
          .min(0)
          .max(10)
          .describe(d('Patience au début (0..10).', 'Patience at the start (0..10).')),
      })
      .strict()
      .describe(d('Valeurs de départ du profil.', 'Starting values of the profile.')),
    deadAir: z
      .object({
        after: Duration,
        every: Duration,
        anger: Reaction.describe(d('Colère ajoutée à chaque relance.', 'Anger added at each prompt.')),
        patience: Reaction.describe(
          d('Patience ajoutée (négatif) à chaque relance.', 'Patience added (negative) at each prompt.'),
        ),
      })
      .strict()
      .describe(
        d(
          'Silence toléré avant « Allô ? », puis à chaque relance.',
          'Silence tolerated before "Hello?", then between prompts.',
        ),
      ),
    tones: z.partialRecord(z.enum(TONES), ToneReaction).describe(d('Réaction à chaque ton.', 'Reaction to each tone.')),
    unexplainedWait: z
      .object({ after: Duration, anger: Reaction.describe(d('Colère ajoutée.', 'Anger added.')) })
      .strict()
      .describe(
        d(
          "Un silence pendant que le client attend un outil en panne ou lent que personne ne lui a expliqué : il le remarque plus tôt (after, si plus court que deadAir.after) et s'agace (anger).",
          'A silence while the customer waits on a failing or slow tool nobody explained: noticed sooner (after, when shorter than deadAir.after), with anger added.',
        ),
      ),
  })
  .strict();

export const GenericLine = Choice.omit({ then: true, reply: true })
  .extend({
    then: z.object(VarEffects).strict().optional().describe(d('Effets de la réplique.', 'Effects of the line.')),
  })
  .strict();

export const Playbook = z
  .object({
    $schema: z.string().optional(),
    lang: z.enum(LANGS).describe(d('Langue des libellés de ce fichier.', 'Language of the labels in this file.')),
    passScore: z
      .number()
      .min(0)
      .max(100)
      .describe(d('Score total à atteindre pour réussir un appel.', 'Total score needed to pass a call.')),
    weights: z
      .object({
        process: Weight.describe(d('Poids du processus.', 'Weight of the process.')),
        diagnosis: Weight.describe(d('Poids du temps de diagnostic.', 'Weight of the time to diagnosis.')),
        calmness: Weight.describe(d('Poids du calme.', 'Weight of calmness.')),
        resolution: Weight.optional().describe(
          d(
            "Poids de l'issue (résolu, escaladé à bon escient…), selon le barème `outcomes`.",
            'Weight of the outcome (resolved, rightly escalated…), by the `outcomes` scale.',
          ),
        ),
      })
      .strict()
      .describe(
        d('Poids des scores (et de l’issue) dans le total.', 'Weights of the scores (and the outcome) in the total.'),
      ),
    outcomes: z
      .object(
        Object.fromEntries(
          OUTCOMES.map((o) => [
            o,
            z
              .number()
              .min(0)
              .max(1)
              .optional()
              .describe(d(`Part gagnée par l'issue ${o} (0 à 1).`, `Share earned by the outcome ${o} (0 to 1).`)),
          ]),
        ),
      )
      .strict()
      .optional()
      .describe(
        d(
          "Part du poids de l'issue gagnée par chaque issue (0 à 1) : resolved, escalated, left (le client part, traité dans les règles), needless (technicien ou escalade inutile), lost.",
          'Share of the outcome weight each outcome earns (0 to 1): resolved, escalated, left (the customer leaves, handled by the book), needless (a needless technician or escalation), lost.',
        ),
      ),
    lostFactor: z
      .number()
      .min(0)
      .max(1)
      .describe(
        d("Facteur appliqué au total si l'appel est perdu.", 'Factor applied to the total when the call is lost.'),
      ),
    steps: z.array(StepDecl).describe(d("Les étapes d'un appel, dans l'ordre.", 'The steps of a call, in order.')),
    hold: z
      .object({
        weight: Weight.describe(d("Poids de l'étiquette de mise en attente.", 'Weight of hold etiquette.')),
        checkInEvery: Duration,
        label: Label,
      })
      .strict()
      .describe(
        d(
          'Mise en attente : permission, retours réguliers, remerciement.',
          'Hold: permission, regular check-ins, thanks.',
        ),
      ),
    filterOrder: z
      .object({
        weight: Weight.describe(d("Poids de l'ordre des questions.", 'Weight of the order of the questions.')),
        label: Label,
      })
      .strict()
      .optional()
      .describe(
        d(
          "Questions de filtrage dans l'ordre, de la cause la plus simple à la plus complexe (les répliques `rank`).",
          'Filter questions in order, from the simplest cause up (the lines with a `rank`).',
        ),
      ),
    ticketNotes: z
      .object({
        weight: Weight.describe(d('Poids des notes du ticket.', 'Weight of the ticket notes.')),
        label: Label,
        categories: z
          .record(Id, Label)
          .optional()
          .describe(d('Catégories du ticket : id → libellé.', 'Ticket categories: id → label.')),
        priorities: z
          .record(Id, Label)
          .optional()
          .describe(d('Priorités du ticket : id → libellé.', 'Ticket priorities: id → label.')),
      })
      .strict()
      .describe(d('Notes du ticket.', 'Ticket notes.')),
    fatal: z
      .array(
        z
          .object({
            id: Id,
            label: Label,
            tone: z
              .enum(TONES)
              .optional()
              .describe(
                d('Toute réplique de ce ton est éliminatoire.', 'Any line with this tone is an automatic fail.'),
              ),
            event: z
              .enum(['agentHungUp', 'holdWithoutAsking'])
              .optional()
              .describe(d('Événement éliminatoire.', 'Event that is an automatic fail.')),
            accountBefore: Id.optional().describe(
              d(
                'Étape avant laquelle toute réplique marquée `account: true` (qui agit sur le compte ou en divulgue le contenu) est éliminatoire : verify.',
                'Step before which any line marked `account: true` (acting on or disclosing the account) is an automatic fail: verify.',
              ),
            ),
          })
          .strict(),
      )
      .describe(d('Fautes éliminatoires.', 'Automatic-fail items.')),
    pace: z
      .object({
        reading: z
          .object({
            base: Duration.describe(d('Temps de lecture de base.', 'Base reading time.')),
            perLine: Duration.describe(d('Temps ajouté par réplique proposée.', 'Time added per line on offer.')),
            max: Duration.describe(d('Temps de lecture au plus.', 'Reading time at most.')),
          })
          .strict()
          .describe(
            d(
              "Le temps laissé pour lire les répliques proposées avant que le silence ne compte : l'agent lit, puis répond.",
              'The time given to read the lines on offer before a silence counts: the agent reads, then answers.',
            ),
          ),
      })
      .strict()
      .optional()
      .describe(d("Le rythme d'une personne.", "A person's pace.")),
    calmness: z
      .object({
        anger: Weight.describe(d('Poids de la colère moyenne.', 'Weight of the average anger.')),
        tone: Weight.describe(d('Poids du ton des répliques.', 'Weight of the tone of the lines.')),
        deadAir: Weight.describe(d('Poids des blancs.', 'Weight of dead air.')),
        transparency: Weight.describe(
          d('Poids de la transparence sur les outils.', 'Weight of being open about the tools.'),
        ),
        rageClicks: Weight.describe(d('Poids des clics rageurs.', 'Weight of rage clicks.')),
        empathy: Weight.optional().describe(
          d(
            "Poids de l'empathie et de la prise en charge : des répliques distinctes aux tons empathetic, reassuring ou ownership (voir empathyLines).",
            'Weight of empathy and ownership: distinct lines with the tones empathetic, reassuring or ownership (see empathyLines).',
          ),
        ),
        empathyLines: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe(
            d(
              "Nombre de répliques distinctes d'empathie ou de prise en charge pour le crédit entier (2 par défaut).",
              'Distinct empathy or ownership lines needed for full credit (2 by default).',
            ),
          ),
        deadAirGrace: Duration.describe(
          d("Silence toléré pendant une attente d'outil.", 'Silence tolerated during a tool wait.'),
        ),
        transparencyWithin: Duration.describe(
          d("Délai pour prévenir le client d'un souci d'outil.", 'Time to tell the customer about tool trouble.'),
        ),
      })
      .strict()
      .describe(d('Composantes du calme et leurs poids.', 'Parts of calmness and their weights.')),
    personas: z
      .object({
        angry: PersonaProfile.describe(d('Client en colère.', 'Angry customer.')),
        confused: PersonaProfile.describe(d('Client perdu.', 'Confused customer.')),
        technical: PersonaProfile.describe(d('Client technicien.', 'Technical customer.')),
      })
      .strict()
      .describe(d('Réactions de chaque profil de client.', 'How each customer profile reacts.')),
    lines: z
      .array(GenericLine)
      .describe(
        d(
          'Répliques toujours disponibles quand leur condition tient.',
          'Lines always available when their condition holds.',
        ),
      ),
  })
  .strict();

export type ScenarioDoc = z.infer<typeof Scenario>;
export type PlaybookDoc = z.infer<typeof Playbook>;
export type ChoiceDoc = z.infer<typeof Choice>;
export type NodeDoc = z.infer<typeof Node>;
export type ToolConfigDoc = z.infer<typeof ToolConfig>;
export type StepDoc = z.infer<typeof StepDecl>;
