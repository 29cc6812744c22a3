// The blank call a trainer starts from: the smallest call that passes the checker, in French,
// each part explained by a comment, with its English translation.
import { fingerprint, SOURCES_KEY, unflatten } from '../content/texts.ts';

/** The file name a new call gets until the trainer renames it. */
export const TEMPLATE_NAME = 'nouvel-appel';

export const TEMPLATE_YAML = `# Un appel Hotliner. Chaque ligne « clé: valeur » décrit une partie de l'appel ; ce qui suit un #
# est un commentaire, ignoré par le jeu. Survolez une clé pour lire son aide ; Ctrl+Espace propose
# les clés possibles à l'endroit du curseur.

# Identifiant de l'appel : le nom du fichier, en minuscules et tirets.
id: ${TEMPLATE_NAME}
# Titre montré dans la liste des appels. Un texte qui contient « : » se met entre guillemets.
title: "Nouvel appel : la box ne répond plus"
summary: Un client n'a plus internet depuis ce matin.
# Le profil du client (angry, confused, technical) et la difficulté (1 à 3).
persona: confused
difficulty: 1
# La langue des textes de ce fichier ; la traduction anglaise est dans l'onglet « Textes anglais ».
lang: fr

customer:
  name: Mme Martin

# Ce que l'agent peut apprendre pendant l'appel (un identifiant, puis la phrase du ticket).
facts:
  box_off: Tous les voyants de la box sont éteints
  plug_out: La prise de la box était débranchée

# Les diagnostics que l'agent peut poser ; le bon a « correct: true » et ses preuves (evidence).
diagnoses:
  unplugged:
    label: Box débranchée
    correct: true
    evidence: knows(plug_out)
  line_fault:
    label: Défaut sur la ligne

# Le temps de référence pour poser le diagnostic.
par: { diagnosis: 5m }

# Les faits attendus dans les notes du ticket.
ticket:
  notes: [box_off, plug_out]

# Les outils de l'agent : leur temps de réponse et ce qu'ils affichent.
tools:
  crm:
    latency: 4s
    outcomes:
      - id: found
        text: Fiche client trouvée, aucun incident sur le secteur.

# Le nœud où va l'appel si le client raccroche, et celui où il commence.
onHangUp: gone
start: open

# Les nœuds : ce que dit le client (customer), puis les répliques proposées à l'agent (choices).
# Chaque réplique peut valider une étape du processus (step), apprendre des faits (learn) et
# mener à un autre nœud (goto) ou finir l'appel (end).
nodes:
  open:
    choices:
      - id: hello
        text: Alto Télécom, bonjour, Camille à l'appareil. Que puis-je pour vous ?
        step: greet
        then: { goto: problem }
  problem:
    customer: Bonjour, je n'ai plus internet depuis ce matin, tout est éteint sur la box.
    choices:
      - id: identify
        text: Je comprends. Pouvez-vous me donner votre nom et votre numéro de ligne ?
        tone: empathetic
        step: [acknowledge, identify]
        then: { learn: [box_off], goto: verify }
  verify:
    customer: Martine Martin, 01 23 45 67 89.
    choices:
      - id: check_id
        text: Merci. Pouvez-vous me confirmer votre date de naissance ?
        step: verify
        then: { goto: lights }
  lights:
    customer: Le 2 mai 1961.
    choices:
      - id: restate
        text: Donc la box est complètement éteinte depuis ce matin, c'est bien cela ?
        step: restate
        then: { goto: plug }
  plug:
    customer: Oui, voilà.
    choices:
      - id: ask_plug
        text: La prise électrique de la box est-elle bien branchée ?
        step: filter_questions
        then: { learn: [plug_out], goto: fixed }
  fixed:
    customer: Ah, elle était débranchée ! Je la rebranche… tout se rallume.
    choices:
      - id: recap
        text: "Parfait. Je récapitule : la box était débranchée, tout fonctionne à nouveau."
        step: [resolve, recap]
        then: { diagnose: unplugged, goto: ref }
  ref:
    customer: Merci beaucoup.
    choices:
      - id: give_ref
        text: Je note tout dans votre dossier, numéro 4521.
        step: reference
        if: done(ticket)
        then: { goto: bye }
  bye:
    customer: Très bien.
    choices:
      - id: farewell
        text: Puis-je faire autre chose pour vous ? Non ? Alors bonne journée, au revoir.
        step: [anything_else, farewell]
        then: { end: resolved }
  gone:
    customer: Bon, je rappellerai plus tard.
    end: lost
`;

/** The template's texts in French (as in the YAML above) and English, by translation key. */
const TEXTS: Readonly<Record<string, readonly [string, string]>> = {
  title: ['Nouvel appel : la box ne répond plus', 'New call: the box does not answer'],
  summary: ["Un client n'a plus internet depuis ce matin.", 'A customer has had no internet since this morning.'],
  'customer.name': ['Mme Martin', 'Mrs Martin'],
  'facts.box_off': ['Tous les voyants de la box sont éteints', 'Every light on the box is off'],
  'facts.plug_out': ['La prise de la box était débranchée', "The box's power plug was out"],
  'diagnoses.unplugged': ['Box débranchée', 'Box unplugged'],
  'diagnoses.line_fault': ['Défaut sur la ligne', 'Fault on the line'],
  'tools.crm.found': [
    'Fiche client trouvée, aucun incident sur le secteur.',
    'Customer record found, no outage in the area.',
  ],
  'choices.hello.text': [
    "Alto Télécom, bonjour, Camille à l'appareil. Que puis-je pour vous ?",
    'Alto Telecom, good morning, Camille speaking. How can I help you?',
  ],
  'nodes.problem.customer': [
    "Bonjour, je n'ai plus internet depuis ce matin, tout est éteint sur la box.",
    "Hello, I've had no internet since this morning, everything on the box is off.",
  ],
  'choices.identify.text': [
    'Je comprends. Pouvez-vous me donner votre nom et votre numéro de ligne ?',
    'I understand. Could you give me your name and your line number?',
  ],
  'nodes.verify.customer': ['Martine Martin, 01 23 45 67 89.', 'Martine Martin, 01 23 45 67 89.'],
  'choices.check_id.text': [
    'Merci. Pouvez-vous me confirmer votre date de naissance ?',
    'Thank you. Could you confirm your date of birth?',
  ],
  'nodes.lights.customer': ['Le 2 mai 1961.', '2 May 1961.'],
  'choices.restate.text': [
    "Donc la box est complètement éteinte depuis ce matin, c'est bien cela ?",
    'So the box has been completely off since this morning, is that right?',
  ],
  'nodes.plug.customer': ['Oui, voilà.', "Yes, that's it."],
  'choices.ask_plug.text': [
    'La prise électrique de la box est-elle bien branchée ?',
    "Is the box's power plug properly plugged in?",
  ],
  'nodes.fixed.customer': [
    'Ah, elle était débranchée ! Je la rebranche… tout se rallume.',
    "Oh, it was unplugged! I'm plugging it back in… everything lights up.",
  ],
  'choices.recap.text': [
    'Parfait. Je récapitule : la box était débranchée, tout fonctionne à nouveau.',
    'Perfect. To sum up: the box was unplugged, and everything works again.',
  ],
  'nodes.ref.customer': ['Merci beaucoup.', 'Thank you very much.'],
  'choices.give_ref.text': [
    'Je note tout dans votre dossier, numéro 4521.',
    "I'm noting everything in your file, number 4521.",
  ],
  'nodes.bye.customer': ['Très bien.', 'Very good.'],
  'choices.farewell.text': [
    'Puis-je faire autre chose pour vous ? Non ? Alors bonne journée, au revoir.',
    'Is there anything else I can do for you? No? Then have a good day, goodbye.',
  ],
  'nodes.gone.customer': ['Bon, je rappellerai plus tard.', "Well, I'll call back later."],
};

/** The template's English translation JSON, stamped with its French sources' fingerprints. */
export function templateTranslation(): string {
  const en = unflatten(Object.fromEntries(Object.entries(TEXTS).map(([k, [, e]]) => [k, e])));
  const sources = Object.fromEntries(Object.entries(TEXTS).map(([k, [fr]]) => [k, fingerprint(fr)]));
  return JSON.stringify({ ...en, [SOURCES_KEY]: sources }, null, 2) + '\n';
}
